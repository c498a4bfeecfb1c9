namespace Quire.Notebook.Diffing;

/// <summary>
/// How alike two sources are, from 0 to 1: the Dice coefficient of their character bigrams. Bigrams make a one-word
/// edit of a one-line cell still look alike, where a comparison of whole lines would see nothing in common.
/// </summary>
internal sealed class SourceSimilarity
{
    private readonly Dictionary<int, int> _bigrams = [];
    private readonly string _text;
    private readonly int _total;

    public SourceSimilarity(string text)
    {
        _text = text;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var bigram = (text[i] << 16) | text[i + 1];
            _bigrams[bigram] = _bigrams.GetValueOrDefault(bigram) + 1;
            _total++;
        }
    }

    public double To(SourceSimilarity other)
    {
        if (string.Equals(_text, other._text, StringComparison.Ordinal))
        {
            return 1.0;
        }

        if (_total == 0 || other._total == 0)
        {
            return 0.0;
        }

        var (small, large) = _bigrams.Count <= other._bigrams.Count ? (_bigrams, other._bigrams) : (other._bigrams, _bigrams);
        var common = 0;
        foreach (var (bigram, count) in small)
        {
            common += Math.Min(count, large.GetValueOrDefault(bigram));
        }

        return 2.0 * common / (_total + other._total);
    }
}

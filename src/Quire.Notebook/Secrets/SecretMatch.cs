namespace Quire.Notebook.Secrets;

/// <summary>A secret found in a string: the rule, and where the secret lies in it (UTF-16 offsets).</summary>
public sealed record SecretMatch(SecretRule Rule, int Start, int Length, string Secret)
{
    public int End => Start + Length;

    /// <summary>A preview safe to print: at most a quarter of the secret (never more than a known prefix), and its length.</summary>
    public string Preview
    {
        get
        {
            var visible = Rule.VisiblePrefix?.Invoke(Secret) ?? Math.Min(4, Secret.Length / 4);
            visible = Math.Clamp(visible, 0, Secret.Length / 2);
            return $"{Secret[..visible]}…({Secret.Length} chars)";
        }
    }
}

namespace Quire.Cli.Notebooks.Diff;

/// <summary>ANSI colours for the terminal diff, or plain text when colours are off.</summary>
internal sealed class DiffStyle(bool colors)
{
    private const string Reset = "\e[0m";

    public string Header(string text) => Paint("\e[36m", text);

    public string Added(string text) => Paint("\e[32m", text);

    public string Removed(string text) => Paint("\e[31m", text);

    public string Line(DiffLine line) => line.Kind switch
    {
        DiffLineKind.Added => Added(line.ToString()),
        DiffLineKind.Removed => Removed(line.ToString()),
        DiffLineKind.Hunk => Header(line.ToString()),
        _ => line.ToString(),
    };

    private string Paint(string code, string text) => colors ? code + text + Reset : text;
}

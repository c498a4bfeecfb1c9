namespace Quire.Cli.Notebooks.Strip;

/// <summary>Quotes words for the POSIX shell that git runs filter commands with.</summary>
internal static class ShellQuoting
{
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '+' or ':' or '=' or ','))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}

using System.Text.RegularExpressions;

namespace Quire.Cli.Kernels;

/// <summary>Terminal escape sequences: ipykernel colours its tracebacks, and prompts are coloured on a terminal.</summary>
internal static partial class Ansi
{
    public const string Reset = "\e[0m";

    public static string Strip(string text) => text.Contains('\e') ? EscapeSequence().Replace(text, string.Empty) : text;

    [GeneratedRegex(@"\e\[[0-9;?]*[A-Za-z]")]
    private static partial Regex EscapeSequence();
}

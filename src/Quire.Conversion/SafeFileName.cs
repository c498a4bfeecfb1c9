using System.Text;

namespace Quire.Conversion;

/// <summary>Turns a name from a notebook (an attachment's, say) into one plain file name: no folders, no dot-dot, no control characters.</summary>
internal static class SafeFileName
{
    public static string From(string proposed)
    {
        // The last path segment only, whichever separator the notebook's author used.
        var last = proposed.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        var builder = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var name = builder.ToString().TrimStart('.');
        return name.Length == 0 ? "file" : name.Length > 100 ? name[^100..] : name;
    }
}

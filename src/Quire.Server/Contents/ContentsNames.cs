using System.Text.RegularExpressions;

namespace Quire.Server.Contents;

/// <summary>jupyter_server's naming rules: unique untitled and copy names, and Python's <c>os.path.splitext</c>.</summary>
internal static partial class ContentsNames
{
    /// <summary>
    /// The first of <c>name</c>, <c>name{insert}1</c>, <c>name{insert}2</c>, … that does not exist in the directory. The
    /// counter goes before the first dot ("a-Copy1.tar.gz"), or before ".ipynb" for notebooks ("x.v2-Copy1.ipynb").
    /// </summary>
    public static string Increment(string fileName, string insert, Func<string, bool> exists)
    {
        string stem;
        string suffix;
        var last = fileName.LastIndexOf('.');
        if (last >= 0 && fileName[(last + 1)..] == "ipynb")
        {
            (stem, suffix) = (fileName[..last], fileName[last..]);
        }
        else
        {
            var first = fileName.IndexOf('.', StringComparison.Ordinal);
            (stem, suffix) = first >= 0 ? (fileName[..first], fileName[first..]) : (fileName, string.Empty);
        }

        for (var i = 0; ; i++)
        {
            var name = i == 0 ? stem + suffix : $"{stem}{insert}{i}{suffix}";
            if (!exists(name))
            {
                return name;
            }
        }
    }

    /// <summary>"a-Copy2.txt" becomes "a.txt" again before a copy of a copy is numbered.</summary>
    public static string WithoutCopySuffix(string name) => CopySuffix().Replace(name, ".");

    /// <summary>Python's <c>os.path.splitext</c>: leading dots are not an extension (".bashrc" has none).</summary>
    public static (string Stem, string Extension) SplitExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        var firstNonDot = 0;
        while (firstNonDot < name.Length && name[firstNonDot] == '.')
        {
            firstNonDot++;
        }

        return dot > firstNonDot ? (name[..dot], name[dot..]) : (name, string.Empty);
    }

    [GeneratedRegex(@"-Copy\d*\.", RegexOptions.CultureInvariant)]
    private static partial Regex CopySuffix();
}

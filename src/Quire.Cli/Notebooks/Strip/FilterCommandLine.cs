namespace Quire.Cli.Notebooks.Strip;

/// <summary>Builds the clean filter's command line, so the filter strips the way the install command was told to.</summary>
internal static class FilterCommandLine
{
    /// <summary>The filter command line: the given quire command with the strip options of this call, reading stdin.</summary>
    public static string For(StripRequest request)
    {
        var words = new List<string> { request.QuireCommand, "nb", "strip" };
        var options = request.Options;
        if (options.KeepOutput == true)
        {
            words.Add("--keep-output");
        }

        if (options.KeepCount)
        {
            words.Add("--keep-count");
        }

        words.AddRange(options.ExtraKeys.SelectMany(k => new[] { "--extra-keys", ShellQuoting.Quote(k) }));
        words.AddRange(options.KeepKeys.SelectMany(k => new[] { "--keep-metadata-keys", ShellQuoting.Quote(k) }));
        words.Add("-");
        return string.Join(' ', words);
    }
}

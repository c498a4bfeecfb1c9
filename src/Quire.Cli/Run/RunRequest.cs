namespace Quire.Cli.Run;

/// <summary>A parsed <c>quire run</c> command line.</summary>
internal sealed record RunRequest(string Input, string? Output)
{
    /// <summary>-p, -r and -f in the order papermill applies them: files, then typed values, then raw values.</summary>
    public IReadOnlyList<string> ParameterFiles { get; init; } = [];

    public IReadOnlyList<(string Name, string Value)> Parameters { get; init; } = [];

    public IReadOnlyList<(string Name, string Value)> RawParameters { get; init; } = [];

    public string? Kernel { get; init; }

    public string? WorkingDirectory { get; init; }

    public TimeSpan? CellTimeout { get; init; }

    public TimeSpan? Timeout { get; init; }

    public bool AllowErrors { get; init; }

    public bool LogOutput { get; init; }

    public bool Progress { get; init; }

    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the executed notebook goes: OUTPUT, <c>-</c> for standard output, else INPUT's name with <c>.out.ipynb</c>.</summary>
    public string OutputPath => Output ?? DefaultOutput(Input);

    public static string DefaultOutput(string input)
    {
        if (input == "-")
        {
            return "-";
        }

        var name = input.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? input[..^".ipynb".Length] : input;
        return name + ".out.ipynb";
    }
}

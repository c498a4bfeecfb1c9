namespace Quire.Cli.Kernels.Terminal;

/// <summary>How an edit ended.</summary>
internal enum EditOutcome
{
    /// <summary>Enter, and the text is complete.</summary>
    Accepted,

    /// <summary>Ctrl+C: the text is dropped.</summary>
    Interrupted,

    /// <summary>Ctrl+D on an empty line, or the terminal went away.</summary>
    EndOfInput,
}

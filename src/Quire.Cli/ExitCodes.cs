namespace Quire.Cli;

/// <summary>The process exit codes of every <c>quire</c> command (documented in docs/cli.md and in <c>quire --help</c>).</summary>
public static class ExitCodes
{
    /// <summary>Success: the files are valid, unchanged, trusted, clean.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found something: validation errors, a file that would change, an untrusted notebook, secrets, differences (with --exit-code).</summary>
    public const int Findings = 1;

    /// <summary>The command line is wrong: unknown option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>An input could not be read as a notebook: missing file, not JSON, unsupported nbformat version.</summary>
    public const int BadInput = 3;

    /// <summary>An output could not be written (permissions, full disk); the previous content is intact.</summary>
    public const int WriteFailed = 4;

    /// <summary><c>quire run</c>: a cell raised (and --allow-errors was not given); the output notebook was written.</summary>
    public const int CellError = 5;

    /// <summary><c>quire run</c>: a cell ran past --timeout-cell, or the run past --timeout; the output notebook was written.</summary>
    public const int Timeout = 6;

    /// <summary><c>quire run</c>: the kernel died during the run (its exit status is reported); the output notebook was written.</summary>
    public const int KernelDied = 7;

    /// <summary>Stopped by Ctrl+C.</summary>
    public const int Interrupted = 130;

    public const string HelpText = """
        Exit codes: 0 success; 1 findings (invalid, would change, untrusted, secrets found, differences with --exit-code);
        2 usage error; 3 unreadable input; 4 output not written; 5 a cell raised, 6 timed out, 7 the kernel died (quire run);
        130 interrupted.
        """;
}

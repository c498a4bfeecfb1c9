namespace Quire.Cli.Convert;

/// <summary>The notebook did not run to the end before conversion; carries the exit code <c>quire run</c> would give.</summary>
internal sealed class ExecuteStepException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

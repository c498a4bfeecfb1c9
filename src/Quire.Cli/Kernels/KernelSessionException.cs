namespace Quire.Cli.Kernels;

/// <summary>The console could not start, reach or keep its kernel; the message is one line for the user.</summary>
internal sealed class KernelSessionException : Exception
{
    public KernelSessionException()
    {
    }

    public KernelSessionException(string message)
        : base(message)
    {
    }

    public KernelSessionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KernelSessionException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.Findings;
}

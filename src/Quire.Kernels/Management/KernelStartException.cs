namespace Quire.Kernels.Management;

/// <summary>A kernel did not become ready: its process exited first, or it did not answer within the start timeout.</summary>
public sealed class KernelStartException : Exception
{
    public KernelStartException()
    {
    }

    public KernelStartException(string message)
        : base(message)
    {
    }

    public KernelStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KernelStartException(string message, int? exitCode, string outputTail)
        : base(message)
    {
        ExitCode = exitCode;
        OutputTail = outputTail;
    }

    /// <summary>The process's exit code when it exited before answering; null when it was still running (a timeout).</summary>
    public int? ExitCode { get; }

    /// <summary>The last lines the kernel wrote to stdout and stderr.</summary>
    public string OutputTail { get; } = string.Empty;
}

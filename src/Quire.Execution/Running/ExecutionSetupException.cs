namespace Quire.Execution.Running;

/// <summary>The run could not start: no kernel named, no such kernelspec, or the kernel failed to start.</summary>
public sealed class ExecutionSetupException : Exception
{
    public ExecutionSetupException()
    {
    }

    public ExecutionSetupException(string message)
        : base(message)
    {
    }

    public ExecutionSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

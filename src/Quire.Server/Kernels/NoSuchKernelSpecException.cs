namespace Quire.Server.Kernels;

/// <summary>A request named a kernelspec the server does not offer (jupyter_client's <c>NoSuchKernel</c>).</summary>
internal sealed class NoSuchKernelSpecException : Exception
{
    public NoSuchKernelSpecException()
    {
    }

    public NoSuchKernelSpecException(string kernelName)
        : base($"No such kernel named {kernelName}")
    {
        KernelName = kernelName;
    }

    public NoSuchKernelSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string KernelName { get; } = string.Empty;
}

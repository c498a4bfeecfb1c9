namespace Quire.Kernel.Hosting;

/// <summary>A cell asked for input but the frontend does not accept <c>input_request</c>s (<c>allow_stdin</c> is false).</summary>
public sealed class StdinNotAllowedException : InvalidOperationException
{
    public StdinNotAllowedException()
        : base("input was requested, but this frontend does not support input requests (allow_stdin is false)")
    {
    }

    public StdinNotAllowedException(string message)
        : base(message)
    {
    }

    public StdinNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Quire.Kernels.Provisioning;

/// <summary>The signal numbers a provisioner is asked to send (Linux values; the same on every Unix Quire runs on).</summary>
public static class UnixSignals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;
}

namespace Quire.Kernels.KernelSpecs;

/// <summary>How a kernel is interrupted (<c>interrupt_mode</c> in kernel.json).</summary>
public enum KernelInterruptMode
{
    /// <summary>SIGINT to the kernel's process group (the default).</summary>
    Signal,

    /// <summary>An <c>interrupt_request</c> on the control channel.</summary>
    Message,
}

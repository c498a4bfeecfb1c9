namespace Quire.Server.KernelSpecs;

/// <summary>
/// Which kernels the server offers. Register an instance as a service to change the defaults (tests do); names in
/// brackets are the jupyter_server/jupyter_client settings they correspond to.
/// </summary>
public sealed record KernelSpecsOptions
{
    /// <summary>
    /// The <c>kernels</c> directories searched, highest priority first; null for Jupyter's search path
    /// [KernelSpecManager.kernel_dirs].
    /// </summary>
    public IReadOnlyList<string>? KernelDirectories { get; init; }

    /// <summary>Only these kernelspec names are offered when non-empty [KernelSpecManager.allowed_kernelspecs].</summary>
    public IReadOnlySet<string>? AllowedKernelSpecs { get; init; }

    /// <summary>
    /// The kernel started when a request names none [MappingKernelManager.default_kernel_name]; null for
    /// <c>python3</c> when it is offered, else Quire's C# kernel.
    /// </summary>
    public string? DefaultKernelName { get; init; }

    /// <summary>
    /// Whether Quire's C# kernel is offered even when no <c>csharp</c> kernelspec is installed (a spec is synthesised
    /// for the kernel shipped next to the server). An installed one takes precedence.
    /// </summary>
    public bool OfferCSharpKernel { get; init; } = true;
}

namespace Quire.Kernels.Tests.Infrastructure;

/// <summary>
/// Tests that start kernels run alone: they count this process's file descriptors, which any test running beside
/// them would disturb, and a two-core CI machine starts kernels slowly enough when it does one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelProcessTests
{
    public const string Name = "Kernel processes";
}

namespace Quire.Cli.Kernels.Install;

/// <summary>What <c>quire kernel install</c> was asked for.</summary>
internal sealed record KernelInstallRequest(KernelSpecLocation Location, string? Prefix, string Name, string DisplayName);

namespace Quire.Kernel.CSharp.Packages;

/// <summary>An assembly the kernel owns (the runtime's, or one of its own dependencies) that a package may also bring.</summary>
internal sealed record KernelAssembly(string Name, Version Version, string Path, bool IsFramework);

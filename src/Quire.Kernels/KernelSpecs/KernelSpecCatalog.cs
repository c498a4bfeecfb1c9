namespace Quire.Kernels.KernelSpecs;

/// <summary>What one discovery pass found: the kernelspecs by name, and the problems it stepped over.</summary>
public sealed record KernelSpecCatalog(IReadOnlyDictionary<string, KernelSpec> Specs, IReadOnlyList<KernelSpecProblem> Problems);

namespace Quire.Kernels.KernelSpecs;

/// <summary>A kernelspec that was skipped or named oddly: the file and one line saying what is wrong with it.</summary>
public sealed record KernelSpecProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

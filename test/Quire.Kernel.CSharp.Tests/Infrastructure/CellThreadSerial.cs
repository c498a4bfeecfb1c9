namespace Quire.Kernel.CSharp.Tests.Infrastructure;

/// <summary>
/// Tests that observe which thread runs a cell run alone: the kernel keeps one idle cell thread per process (a
/// kernel process hosts one kernel), so a kernel of a test running beside them could take that thread between two cells.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CellThreadSerial
{
    public const string Name = "Cell threads";
}

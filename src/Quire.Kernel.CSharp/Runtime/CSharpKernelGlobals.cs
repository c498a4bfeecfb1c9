namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// The globals object of every cell: its public members are in scope in user code without qualification, as
/// <c>IPython.display</c>'s functions are in a Python notebook. Split by concern into partial files.
/// </summary>
public sealed partial class CSharpKernelGlobals
{
    internal CSharpKernelGlobals(CellContext context) => Context = context;

    internal CellContext Context { get; }
}

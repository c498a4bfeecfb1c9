namespace Quire.Kernel.CSharp.Magics;

/// <summary>
/// A cell's magic or directive could not be carried out (an unknown magic, a package that does not restore). The
/// cell fails with <see cref="EName"/> and the message, before any of its C# is compiled.
/// </summary>
internal sealed class CellDirectiveException : Exception
{
    public CellDirectiveException()
        : this("UsageError", "the cell's directive failed")
    {
    }

    public CellDirectiveException(string message)
        : this("UsageError", message)
    {
    }

    public CellDirectiveException(string message, Exception innerException)
        : base(message, innerException) => EName = "UsageError";

    public CellDirectiveException(string ename, string message)
        : base(message) => EName = ename;

    /// <summary>The error's name in the reply: <c>UsageError</c> (as IPython names bad magics) or <c>PackageRestoreError</c>.</summary>
    public string EName { get; }
}

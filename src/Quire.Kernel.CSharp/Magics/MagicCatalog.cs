namespace Quire.Kernel.CSharp.Magics;

/// <summary>The magics this kernel knows, for <c>%lsmagic</c> and for the message of an unknown one.</summary>
internal static class MagicCatalog
{
    public static IReadOnlyList<string> LineMagics { get; } = ["%lsmagic", "%time", "%who"];

    public static IReadOnlyList<string> CellMagics { get; } = ["%%html", "%%markdown", "%%time"];

    public static string Listing() =>
        $"Available line magics:\n{string.Join("  ", LineMagics)}\n\nAvailable cell magics:\n{string.Join("  ", CellMagics)}\n";
}

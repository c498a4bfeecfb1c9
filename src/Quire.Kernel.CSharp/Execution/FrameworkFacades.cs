using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Splits the framework's references into those cells need and the facades nothing refers to: assemblies that define
/// no type (mscorlib, netstandard, System.Core, ...), only forward to those that do, and that no other reference
/// names. A cell's code can reach no type through them, yet Roslyn binds every reference for every cell (and wrote
/// each into the cell's PDB, when cells had one): a third fewer references made a small cell's compilation about a
/// seventh cheaper. An assembly from elsewhere (a package, a <c>#r</c>) that names one still compiles: the scripting
/// resolver (<c>ScriptOptions.MetadataResolver</c>) finds a missing framework assembly among the trusted platform
/// assemblies when a signature needs it.
/// </summary>
internal static class FrameworkFacades
{
    public static (ImmutableArray<MetadataReference> Kept, ImmutableArray<MetadataReference> Facades) Split(IEnumerable<PortableExecutableReference> references)
    {
        var all = references.Select(r => (Reference: r, Shape: Read(r))).ToList();
        var named = new HashSet<string>(all.Where(r => !r.Shape.IsFacade).SelectMany(r => r.Shape.References), StringComparer.OrdinalIgnoreCase);
        var kept = ImmutableArray.CreateBuilder<MetadataReference>();
        var facades = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var (reference, shape) in all)
        {
            (shape.IsFacade && !named.Contains(shape.Name) ? facades : kept).Add(reference);
        }

        return (kept.ToImmutable(), facades.ToImmutable());
    }

    private static (string Name, bool IsFacade, IReadOnlyList<string> References) Read(PortableExecutableReference reference)
    {
        try
        {
            // Mapped (CellOptions): this reads the metadata tables Roslyn reads anyway to bind the reference.
            if (reference.GetMetadata() is not AssemblyMetadata { } assembly)
            {
                return (string.Empty, false, []);
            }

            var reader = assembly.GetModules()[0].GetMetadataReader();
            var name = reader.GetString(reader.GetAssemblyDefinition().Name);

            // Only <Module> means no type of its own; a facade with forwarders only.
            var isFacade = reader.TypeDefinitions.Count <= 1 && assembly.GetModules().Length == 1;
            return (name, isFacade, [.. reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))]);
        }
        catch (BadImageFormatException)
        {
            return (string.Empty, false, []);
        }
    }
}

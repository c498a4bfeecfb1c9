using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// The cell line of a stack frame in cell code, for tracebacks. Cells are emitted without debug information: a portable
/// PDB cost about a fifth of a small cell's compile (writing it, and the runtime loading it), and a cell almost never
/// needs one. When a cell throws, the frames in cells are mapped here instead: the compilation the frame's assembly
/// came from is emitted once more, this time with a PDB, and the frame's IL offset is looked up in its sequence points
/// as the runtime would. The same compilation emits the same IL; each method's IL is compared with the IL that ran,
/// and a frame whose method differs gets no line rather than a wrong one.
/// </summary>
/// <remarks>
/// A compilation is held weakly: the chain (or <see cref="CellCache"/>) keeps the ones that can still run, and a cell
/// that can no longer run has no frames left to map.
/// </remarks>
internal sealed class CellLines
{
    // Dead entries are swept when the table has doubled since the last sweep.
    private const int MinimumSweep = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _cells = new(StringComparer.Ordinal);
    private int _sweepAt = MinimumSweep;

    /// <summary>Remembers that the assembly of <paramref name="compilation"/> is compilation <paramref name="id"/>, written as file <paramref name="path"/>.</summary>
    public void Add(int id, string path, Compilation compilation) => Add(new Dictionary<string, int>(StringComparer.Ordinal) { [path] = id }, compilation);

    /// <summary>
    /// Remembers that the assembly of <paramref name="compilation"/> holds several cells (a batch), each written as its
    /// own file (a <c>#line</c> directive) with its own id.
    /// </summary>
    public void Add(IReadOnlyDictionary<string, int> idsByPath, Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        lock (_lock)
        {
            _cells[compilation.AssemblyName ?? string.Empty] = new Entry(idsByPath, new WeakReference<Compilation>(compilation));
            if (_cells.Count >= _sweepAt)
            {
                foreach (var name in _cells.Where(c => !c.Value.Compilation.TryGetTarget(out _)).Select(c => c.Key).ToList())
                {
                    _cells.Remove(name);
                }

                _sweepAt = Math.Max(MinimumSweep, _cells.Count * 2);
            }
        }
    }

    /// <summary>The compilation id and the line in that cell of IL offset <paramref name="ilOffset"/> in <paramref name="method"/>; null when unknown.</summary>
    public (int Id, int Line)? Locate(MethodBase method, int ilOffset)
    {
        ArgumentNullException.ThrowIfNull(method);
        Entry? entry;
        lock (_lock)
        {
            if (!_cells.TryGetValue(method.Module.Assembly.GetName().Name ?? string.Empty, out entry))
            {
                return null;
            }
        }

        var table = entry.Table();
        if (table is null || !table.TryGetValue(method.MetadataToken, out var body))
        {
            return null;
        }

        // The IL that ran must be the IL the sequence points describe.
        var ran = method.GetMethodBody()?.GetILAsByteArray();
        if (ran is null || !body.IL.AsSpan().SequenceEqual(ran))
        {
            return null;
        }

        // As the runtime does: the last visible sequence point at or before the offset.
        var line = 0;
        var id = 0;
        foreach (var (offset, startLine, cell) in body.Points)
        {
            if (offset > ilOffset)
            {
                break;
            }

            (line, id) = (startLine, cell);
        }

        return line > 0 ? (id, line) : null;
    }

    private sealed record Method(ImmutableArray<byte> IL, ImmutableArray<(int Offset, int Line, int Id)> Points);

    private sealed class Entry(IReadOnlyDictionary<string, int> idsByPath, WeakReference<Compilation> compilation)
    {
        private readonly Lock _lock = new();
        private Dictionary<int, Method>? _table;
        private bool _built;

        public WeakReference<Compilation> Compilation { get; } = compilation;

        public Dictionary<int, Method>? Table()
        {
            lock (_lock)
            {
                if (!_built && Compilation.TryGetTarget(out var target))
                {
                    _table = Build(target, idsByPath);
                    _built = true;
                }

                return _table;
            }
        }

        private static Dictionary<int, Method>? Build(Compilation compilation, IReadOnlyDictionary<string, int> idsByPath)
        {
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            if (!compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb)).Success)
            {
                return null;
            }

            pe.Position = 0;
            pdb.Position = 0;
            using var peReader = new PEReader(pe);
            using var symbols = MetadataReaderProvider.FromPortablePdbStream(pdb);
            var metadata = peReader.GetMetadataReader();
            var debug = symbols.GetMetadataReader();
            var table = new Dictionary<int, Method>();
            foreach (var handle in metadata.MethodDefinitions)
            {
                var definition = metadata.GetMethodDefinition(handle);
                if (definition.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var points = ImmutableArray.CreateBuilder<(int, int, int)>();
                foreach (var point in debug.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints())
                {
                    if (!point.IsHidden && idsByPath.TryGetValue(debug.GetString(debug.GetDocument(point.Document).Name), out var cell))
                    {
                        points.Add((point.Offset, point.StartLine, cell));
                    }
                }

                var il = peReader.GetMethodBody(definition.RelativeVirtualAddress).GetILContent();
                table[MetadataTokens.GetToken(handle)] = new Method(il, points.ToImmutable());
            }

            return table;
        }
    }
}

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// The options cells compile with: the whole shared framework referenced (less the facades nothing names,
/// <see cref="FrameworkFacades"/>), the default usings, and the references
/// cells added since (<c>#r "nuget: ..."</c>). The first submission of a chain takes them all; the ones after it
/// take only the references no submission carries yet (<see cref="ContinuationOptions"/>).
/// </summary>
internal sealed class CellOptions
{
    private readonly Lock _lock = new();
    private readonly Lazy<ScriptOptions> _initial = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private ScriptOptions? _options;

    // References added that no submission of the chain carries yet.
    private ImmutableArray<MetadataReference> _unapplied = [];

    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Text",
        "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>Everything: for the first submission of a chain (reads the framework's references, the first time).</summary>
    public ScriptOptions Options
    {
        get
        {
            lock (_lock)
            {
                return _options ??= _initial.Value;
            }
        }
    }

    /// <summary>
    /// The options of a cell that continues the chain: only the references no earlier submission carries, and no
    /// imports. As Roslyn's own <c>ContinueWith</c> without options: a submission inherits its predecessors'
    /// references and usings, and repeating the ~110 framework references in every cell would make Roslyn bind them
    /// again per cell (tens of milliseconds) and keep a reference set per cell (memory growing with every cell).
    /// </summary>
    public ScriptOptions ContinuationOptions
    {
        get
        {
            lock (_lock)
            {
                return (_options ??= _initial.Value).WithReferences(_unapplied).WithImports(ImmutableArray<string>.Empty);
            }
        }
    }

    public void AddReferences(IEnumerable<MetadataReference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        lock (_lock)
        {
            var added = references.ToImmutableArray();
            _options = (_options ?? _initial.Value).AddReferences(added);
            _unapplied = _unapplied.AddRange(added);
        }
    }

    /// <summary>A submission compiled with <paramref name="options"/> joined the chain: its references are applied.</summary>
    public void Applied(ScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            _unapplied = _unapplied.RemoveRange(options.MetadataReferences);
        }
    }

    private static ScriptOptions Create()
    {
        var (references, _) = FrameworkFacades.Split(DefaultReferences());
        return ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithFilePath(ScriptRunner.CellFileName)
            .WithFileEncoding(System.Text.Encoding.UTF8)

            // No PDB: writing and loading one cost about a fifth of a small cell's compile. Tracebacks still name the
            // cell line: CellLines emits a PDB for a cell only once one of its frames is in an exception.
            .WithEmitDebugInformation(false)

            // Release: cells that compute run at full JIT speed.
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true)
            .WithReferences(references)
            .WithImports(DefaultImports);
    }

    private static IEnumerable<PortableExecutableReference> DefaultReferences()
    {
        // Every assembly of the shared framework, so that cells see the whole BCL as a console app does. The host's
        // list of trusted assemblies names them without opening ~170 files to ask which are managed.
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?.Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), directory, StringComparison.Ordinal));
        foreach (var file in trusted ?? Directory.EnumerateFiles(directory, "*.dll").Where(IsManaged))
        {
            yield return Reference(file);
        }

        yield return Reference(typeof(CSharpKernelGlobals).Assembly.Location);
    }

    // Mapped, not read: MetadataReference.CreateFromFile copies each whole file into memory (tens of megabytes for
    // the framework), while a mapped file is paged in only where the compiler looks.
    private static PortableExecutableReference Reference(string path) => AssemblyMetadata.CreateFromFile(path).GetReference(filePath: path);

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}

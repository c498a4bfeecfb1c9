using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>
/// XML documentation of framework symbols. Cells compile against the shared framework's implementation assemblies,
/// which ship without docs; the docs are in the reference pack (<c>packs/Microsoft.NETCore.App.Ref/VERSION/ref/net10.0</c>),
/// filed by reference assembly, which is often not the implementation's (<c>List&lt;T&gt;</c> lives in CoreLib and is
/// documented in System.Collections.xml). Files are read on first need and keep only each member's text.
/// </summary>
internal sealed class XmlDocumentation(string? directory)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, DocumentationText>> _files = new(StringComparer.Ordinal);

    /// <summary>The reference pack of the running framework (the same version when installed, else the newest).</summary>
    public static XmlDocumentation ForRunningFramework()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Path.GetFileName(runtimeDir);
        var packs = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        if (!Directory.Exists(packs))
        {
            return new XmlDocumentation(null);
        }

        var pack = Directory.Exists(Path.Combine(packs, version))
            ? Path.Combine(packs, version)
            : Directory.GetDirectories(packs).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).FirstOrDefault();
        var reference = pack is null ? null : Path.Combine(pack, "ref");
        var tfm = reference is null || !Directory.Exists(reference) ? null : Directory.GetDirectories(reference).Order(StringComparer.Ordinal).LastOrDefault();
        return new XmlDocumentation(tfm);
    }

    public DocumentationText? Find(ISymbol symbol)
    {
        var own = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(own))
        {
            // User code with /// comments, or a reference that brought its own docs.
            return DocumentationText.Parse(XElement.Parse(own));
        }

        var definition = symbol.OriginalDefinition;
        if (definition is IMethodSymbol { ReducedFrom: { } reduced })
        {
            definition = reduced;
        }

        var id = definition.GetDocumentationCommentId();
        if (id is null || directory is null)
        {
            return null;
        }

        foreach (var file in Candidates(definition))
        {
            if (Load(file).TryGetValue(id, out var text))
            {
                return text;
            }
        }

        return null;
    }

    private IEnumerable<string> Candidates(ISymbol symbol)
    {
        if (symbol.ContainingAssembly is { } assembly)
        {
            yield return assembly.Name;
        }

        // Forwarded types are usually documented in the assembly named after their namespace or a parent of it.
        for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            yield return ns.ToDisplayString();
        }

        yield return "System.Runtime";
        foreach (var file in Directory.EnumerateFiles(directory!, "*.xml").Order(StringComparer.Ordinal))
        {
            yield return Path.GetFileNameWithoutExtension(file);
        }
    }

    private IReadOnlyDictionary<string, DocumentationText> Load(string assemblyName) => _files.GetOrAdd(assemblyName, name =>
    {
        var path = Path.Combine(directory!, name + ".xml");
        var members = new Dictionary<string, DocumentationText>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return members;
        }

        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = false });
            reader.MoveToContent();
            while (reader.ReadToFollowing("member"))
            {
                if (XNode.ReadFrom(reader) is XElement member && member.Attribute("name")?.Value is { } memberId)
                {
                    members[memberId] = DocumentationText.Parse(member);
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            // A damaged or unreadable doc file costs the docs, not the inspection: signatures still come back.
        }

        return members;
    });
}

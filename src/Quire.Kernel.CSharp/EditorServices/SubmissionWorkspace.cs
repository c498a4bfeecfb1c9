using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>
/// A Roslyn workspace that mirrors the kernel's submission chain: one submission project per cell that compiled, each
/// referencing the one before (as the scripting API chains them), and a last project for the cell being edited.
/// Projects of earlier cells never change, so their compilations are built once and shared by every later request;
/// a request only parses and binds the cell being edited.
/// </summary>
internal sealed class SubmissionWorkspace
{
    private readonly ScriptRunner _runner;
    // The workspace lives as long as the kernel; only its empty solution (and the services it carries) is needed.
    private readonly Solution _empty = new AdhocWorkspace(MefHostServices.DefaultHost).CurrentSolution;
    private readonly Lock _gate = new();
    private readonly List<Script> _cells = [];
    private ImmutableArray<MetadataReference> _references;
    private Solution _solution;
    private ProjectId? _lastCell;
    private DocumentId? _editor;

    public SubmissionWorkspace(ScriptRunner runner)
    {
        _runner = runner;
        _solution = _empty;
    }

    /// <summary>The cell being edited, with <paramref name="code"/> as its text, after every cell run so far.</summary>
    public async Task<Document> GetDocumentAsync(string code, CancellationToken cancellationToken)
    {
        Solution solution;
        DocumentId editor;
        lock (_gate)
        {
            Refresh();
            (solution, editor) = (_solution, _editor!);
        }

        // Built once per chain (later calls find it done): a changed document then only replaces its syntax tree in
        // this compilation, keeping the bound references, instead of binding ~170 framework assemblies per keystroke.
        await solution.GetProject(editor.ProjectId)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return solution.WithDocumentText(editor, SourceText.From(code)).GetDocument(editor)!;
    }

    private void Refresh()
    {
        var options = _runner.Options;
        if (_editor is not null && options.MetadataReferences == _references && ReferenceEquals(_runner.LastSubmission, _cells.LastOrDefault()))
        {
            return;
        }

        var added = NewSubmissions();
        if (added is null || options.MetadataReferences != _references)
        {
            // New references (#r, packages) or a chain we do not know: start again from the first cell.
            _solution = _empty;
            _cells.Clear();
            _lastCell = null;
            _editor = null;
            _references = options.MetadataReferences;
            added = Chain(_runner.LastSubmission, stopAt: null);
        }

        foreach (var cell in added)
        {
            _lastCell = AddProject(cell.Code, options, out _);
            _cells.Add(cell);
        }

        if (_editor is not null)
        {
            _solution = _solution.RemoveProject(_editor.ProjectId);
        }

        AddProject(string.Empty, options, out var editor);
        _editor = editor;
    }

    /// <summary>The cells run since the last refresh, oldest first; null when the chain no longer extends ours.</summary>
    private List<Script>? NewSubmissions()
    {
        var known = _cells.LastOrDefault();
        var chain = Chain(_runner.LastSubmission, known);
        return known is null || (chain.Count > 0 ? ReferenceEquals(chain[0].Previous, known) : ReferenceEquals(_runner.LastSubmission, known))
            ? chain
            : null;
    }

    private static List<Script> Chain(Script? last, Script? stopAt)
    {
        var chain = new List<Script>();
        for (var script = last; script is not null && !ReferenceEquals(script, stopAt); script = script.Previous)
        {
            chain.Add(script);
        }

        chain.Reverse();
        return chain;
    }

    private ProjectId AddProject(string code, ScriptOptions options, out DocumentId documentId)
    {
        var id = ProjectId.CreateNewId();
        documentId = DocumentId.CreateNewId(id);
        var name = $"cell{_cells.Count}";
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            usings: options.Imports,
            allowUnsafe: options.AllowUnsafe,
            metadataReferenceResolver: options.MetadataResolver,
            sourceReferenceResolver: options.SourceResolver);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script);
        var document = DocumentInfo.Create(
            documentId,
            ScriptRunner.CellFileName,
            sourceCodeKind: SourceCodeKind.Script,
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(code), VersionStamp.Create())));
        var project = ProjectInfo.Create(
            id,
            VersionStamp.Create(),
            name,
            name,
            LanguageNames.CSharp,
            compilationOptions: compilationOptions,
            parseOptions: parseOptions,
            documents: [document],
            projectReferences: _lastCell is null ? [] : [new ProjectReference(_lastCell)],
            metadataReferences: _references.OfType<PortableExecutableReference>(),
            isSubmission: true,
            hostObjectType: typeof(CSharpKernelGlobals));
        _solution = _solution.AddProject(project);
        return id;
    }
}

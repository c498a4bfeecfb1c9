using Quire.Kernel.CSharp.Execution;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>Completion and inspection over the cells run so far, from Roslyn's workspace services.</summary>
internal sealed class EditorService(ScriptRunner runner)
{
    private readonly SubmissionWorkspace _workspace = new(runner);
    private readonly CompletionSession _session = new();
    private readonly Lazy<XmlDocumentation> _documentation = new(XmlDocumentation.ForRunningFramework);

    public Task<CompleteReply> CompleteAsync(CompleteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CellCompletion.CompleteAsync(_workspace, _session, request, cancellationToken);
    }

    public Task<InspectReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CellInspection.InspectAsync(_workspace, _documentation.Value, request, cancellationToken);
    }

    /// <summary>
    /// Loads Roslyn's completion (MEF composition, the framework's metadata) ahead of the first request, which
    /// otherwise pays a second or so; the host may call it once the kernel is idle.
    /// </summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        CompleteAsync(new CompleteRequest { Code = "Console.", CursorPos = 8 }, cancellationToken);
}

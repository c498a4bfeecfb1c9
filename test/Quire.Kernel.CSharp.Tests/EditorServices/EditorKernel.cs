using Quire.Kernel.CSharp.EditorServices;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.EditorServices;

/// <summary>
/// The kernel's script runner and editor service, without the message loop: cells run as the kernel runs them, and
/// requests are the <c>complete_request</c>/<c>inspect_request</c> contents a frontend sends.
/// </summary>
internal sealed class EditorKernel
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ScriptRunner _runner = new(new CSharpKernelGlobals(new CellContext()));
    private readonly EditorService _editor;

    public EditorKernel() => _editor = new EditorService(_runner);

    /// <summary>Completes at <paramref name="cursor"/> (code points), or at the end of <paramref name="code"/> when null.</summary>
    public Task<CompleteReply> CompleteAsync(string code, int? cursor = null) =>
        _editor.CompleteAsync(new CompleteRequest { Code = code, CursorPos = cursor ?? code.Length }, CancellationToken.None)
            .WaitAsync(Timeout);

    public Task<InspectReply> InspectAsync(string code, int? cursor = null, int detailLevel = 0) =>
        _editor.InspectAsync(new InspectRequest { Code = code, CursorPos = cursor ?? code.Length, DetailLevel = detailLevel }, CancellationToken.None)
            .WaitAsync(Timeout);

    /// <summary>Runs setup cells, failing the test with the exception when one does not succeed.</summary>
    public async Task RunAsync(params string[] cells)
    {
        foreach (var cell in cells)
        {
            var run = await _runner.RunAsync(cell, CancellationToken.None).WaitAsync(Timeout);
            Assert.True(run.Exception is null, $"setup cell `{cell}` was expected to run: {run.Exception}");
        }
    }
}

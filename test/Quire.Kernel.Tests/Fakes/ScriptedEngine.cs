using System.Text.Json;
using Quire.Kernel.Hosting;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Tests.Fakes;

/// <summary>An engine whose cells run a delegate given by the test.</summary>
internal sealed class ScriptedEngine : IKernelEngine
{
    public Func<KernelExecution, CancellationToken, Task<ExecutionOutcome>> Execute { get; set; } = (_, _) => Task.FromResult(ExecutionOutcome.Ok);

    public KernelInfoReply KernelInfo { get; } = new()
    {
        Implementation = "scripted",
        LanguageInfo = new LanguageInfo { Name = "scripted", Version = "1" },
    };

    public Task<ExecutionOutcome> ExecuteAsync(KernelExecution execution, CancellationToken cancellationToken) => Execute(execution, cancellationToken);

    public Task<CompleteReply> CompleteAsync(CompleteRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new CompleteReply { Matches = ["alpha", "alpine"], CursorStart = 0, CursorEnd = request.CursorPos });

    public Task<InspectReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new InspectReply { Found = true, Data = new() { ["text/plain"] = JsonSerializer.SerializeToElement("doc") } });

    public Task<IsCompleteReply> IsCompleteAsync(IsCompleteRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new IsCompleteReply { Status = "complete" });
}

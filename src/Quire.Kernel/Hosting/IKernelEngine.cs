using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Hosting;

/// <summary>
/// The language-specific part of a kernel. The <see cref="KernelHost"/> owns the protocol (status, counts, replies,
/// stdin, interrupts); an engine only runs code and answers editor requests.
/// </summary>
public interface IKernelEngine
{
    /// <summary>The <c>kernel_info_reply</c> content (protocol version and status are filled in by the host).</summary>
    KernelInfoReply KernelInfo { get; }

    /// <summary>
    /// Runs a cell. Outputs go through <paramref name="execution"/> while the cell runs. The token is cancelled by an
    /// interrupt; an engine that stops because of it returns an error outcome (for example <c>KeyboardInterrupt</c>).
    /// </summary>
    Task<ExecutionOutcome> ExecuteAsync(KernelExecution execution, CancellationToken cancellationToken);

    Task<CompleteReply> CompleteAsync(CompleteRequest request, CancellationToken cancellationToken);

    Task<InspectReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken);

    Task<IsCompleteReply> IsCompleteAsync(IsCompleteRequest request, CancellationToken cancellationToken);
}

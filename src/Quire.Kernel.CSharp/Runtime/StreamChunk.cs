using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// Text written to a stream of a cell, waiting to be published: the first <see cref="Length"/> characters of a pooled
/// <see cref="Buffer"/>, which the publisher returns to the pool once they are sent. With <see cref="Flushed"/>, a
/// flush marker instead.
/// </summary>
internal sealed record StreamChunk(KernelExecution? Target, string Name, char[]? Buffer, int Length, TaskCompletionSource? Flushed = null)
{
    public bool IsMarker => Flushed is not null;
}

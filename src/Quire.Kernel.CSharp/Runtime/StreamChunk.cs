using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>Text written to a stream of a cell, waiting to be published; or, with <see cref="Flushed"/>, a flush marker.</summary>
internal sealed record StreamChunk(KernelExecution? Target, string Name, string Text, TaskCompletionSource? Flushed = null);

using Quire.Execution.Running;

namespace Quire.Execution.Tests.Running;

/// <summary>Handles progress events where they are raised, in order.</summary>
internal sealed class Events(Action<ExecutionEvent> handler) : IProgress<ExecutionEvent>
{
    public void Report(ExecutionEvent value) => handler(value);
}

using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>A cell as the code it runs sees it: where its output goes and the token an interrupt cancels.</summary>
internal sealed class RunningCell(KernelExecution execution, CancellationToken cancellationToken)
{
    public KernelExecution Execution { get; } = execution;

    public CancellationToken CancellationToken { get; } = cancellationToken;
}

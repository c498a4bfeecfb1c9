using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Magics;
using Quire.Kernel.CSharp.Packages;
using Quire.Kernel.CSharp.Runtime;
using Quire.Kernel.Hosting;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Magics;

/// <summary>
/// The C# engine's cell path with a <see cref="MagicDispatcher"/> that owns the kernel's <see cref="ScriptRunner"/>
/// (the hook <c>%who</c> and direct package references need), and directive errors mapped to their own names.
/// </summary>
internal sealed class DispatcherEngine : IKernelEngine, IDisposable
{
    private readonly CellContext _context = new();
    private readonly ScriptRunner _runner;
    private readonly MagicDispatcher _magics;

    public DispatcherEngine(PackageManager? packages = null)
    {
        ConsoleStreams.EnsureInstalled();
        _runner = new ScriptRunner(new CSharpKernelGlobals(_context));
        _magics = new MagicDispatcher(_runner, packages);
    }

    public KernelInfoReply KernelInfo { get; } = new() { Implementation = "dispatcher-test", LanguageInfo = new LanguageInfo { Name = "csharp", Version = "latest" } };

    public async Task<ExecutionOutcome> ExecuteAsync(KernelExecution execution, CancellationToken cancellationToken)
    {
        _context.Enter(execution, cancellationToken);
        try
        {
            return await RunCellAsync(execution, cancellationToken);
        }
        finally
        {
            await ConsoleStreams.FlushAsync();
        }
    }

    private async Task<ExecutionOutcome> RunCellAsync(KernelExecution execution, CancellationToken cancellationToken)
    {
        string? code;
        try
        {
            code = await _magics.PrepareCellAsync(execution, cancellationToken);
        }
        catch (CellDirectiveException ex)
        {
            return ExecutionOutcome.Error(ex.EName, ex.Message, [$"{ex.EName}: {ex.Message}"]);
        }

        if (code is null)
        {
            return ExecutionOutcome.Ok;
        }

        try
        {
            var run = await _runner.RunAsync(code, cancellationToken);
            if (run.Exception is { } exception)
            {
                return ExecutionOutcome.Error(exception.GetType().Name, exception.Message, [exception.ToString()]);
            }

            if (run.HasValue)
            {
                await ConsoleStreams.FlushAsync();
                await execution.PublishResultAsync(ValueFormatter.Format(run.Value), cancellationToken: cancellationToken);
            }

            return ExecutionOutcome.Ok;
        }
        catch (CompilationErrorException ex)
        {
            return CellErrors.FromCompilation(ex);
        }
    }

    public Task<CompleteReply> CompleteAsync(CompleteRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<InspectReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IsCompleteReply> IsCompleteAsync(IsCompleteRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Dispose() => _magics.Dispose();
}

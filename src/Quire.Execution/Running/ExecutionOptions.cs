using Quire.Execution.Provenance;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Notebook;

namespace Quire.Execution.Running;

/// <summary>How <see cref="NotebookExecutor"/> runs a notebook; the defaults are nbclient's (no timeouts, stop at the first error).</summary>
public sealed record ExecutionOptions
{
    /// <summary>The kernelspec to start; null takes the notebook's <c>metadata.kernelspec.name</c>.</summary>
    public string? KernelName { get; init; }

    /// <summary>Where kernelspecs are looked up; null searches Jupyter's path from the environment.</summary>
    public KernelSpecFinderOptions? KernelSpecs { get; init; }

    /// <summary>A kernelspec for a name the search did not find (a CLI offers Quire's own C# kernel this way).</summary>
    public Func<string, CancellationToken, Task<KernelSpec?>>? FallbackKernelSpec { get; init; }

    /// <summary>The kernel's working directory (papermill and nbclient use the input notebook's folder).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Longest a single cell may run; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Longest the whole run may take, kernel start included; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Keep running after a cell raises (nbclient's <c>allow_errors</c>).</summary>
    public bool AllowErrors { get; init; }

    /// <summary>
    /// How many cells may wait in the kernel's queue behind the running one, for kernels known to abort that queue when
    /// a cell fails (see docs/execution.md); 1 sends each cell on the previous cell's ok reply.
    /// </summary>
    public int SendAhead { get; init; } = 128;

    /// <summary>Called with the partially executed notebook at most every <see cref="SaveInterval"/>; write it atomically.</summary>
    public Func<NotebookDocument, CancellationToken, Task>? Save { get; init; }

    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(30);

    public IProgress<ExecutionEvent>? Progress { get; init; }

    /// <summary>What is known about the run's input, written into <c>metadata.quire</c>.</summary>
    public RunProvenance? Provenance { get; init; }

    /// <summary>How long an interrupted or timed-out cell gets to report its traceback before the run stops.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Start IPython kernels with <c>--HistoryManager.hist_file=:memory:</c>, as nbclient does (its
    /// <c>ipython_hist_file</c>): a headless run needs no input history, and parallel runs then share no SQLite file.
    /// </summary>
    public bool IPythonHistoryInMemory { get; init; } = true;

    /// <summary>Kernel manager settings; the restart limit is always 0 (a kernel that dies ends the run).</summary>
    public KernelManagerOptions? KernelManager { get; init; }
}

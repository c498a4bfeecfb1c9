using Quire.Cli.Hosting;

// Set before anything starts the thread pool, which reads it once. A headless run hands each cell's messages between
// threads a few times while the kernel on the same cores needs the CPU: idle workers that spin before they block took
// 2.3 ms of CPU per cell and 550 context switches (bench/RESULTS.md, issue 6). A server is the opposite case: a worker
// that blocks at once costs each request a futex wake-up, so `serve` keeps the runtime's default.
if (args is ["run", ..] or ["convert", ..])
{
    AppContext.SetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0);
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the running command to stop cleanly; a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await QuireCli.InvokeAsync(args, CliConsole.System(), cancellation.Token);

using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Cli.Hosting;

namespace Quire.Cli.Kernels;

/// <summary><c>quire console</c>: a terminal client of a kernel, like <c>jupyter console</c>.</summary>
internal static class ConsoleCommand
{
    private const string DefaultKernel = "python3";

    public static Command Create(CliConsole console)
    {
        var kernel = new Option<string>("--kernel") { Description = $"The kernelspec to start (default: {DefaultKernel}).", HelpName = "NAME" };
        var existing = new Option<string>("--existing")
        {
            Description = "Attach to a running kernel by its connection file (a bare name is looked up in the Jupyter runtime directory); it is left running on exit.",
            HelpName = "FILE",
        };
        var debug = new Option<bool>("--debug") { Description = "Log the kernel manager, client and transport on standard error." };
        var command = new Command("console", """
            Talk to a kernel from the terminal, like jupyter console: In [N] prompts, multi-line cells (the kernel says
            when a cell is complete), Tab completion, history, Ctrl+C interrupts a running cell, Ctrl+D or exit quits.
            With standard input not a terminal, all of it is run as one cell: exit 0, or 1 when it raised,
            3 for an unknown kernel, an unreadable connection file or a kernel that does not start.
            """)
        {
            kernel,
            existing,
            debug,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(kernel) is not null && result.GetResult(existing) is not null)
            {
                result.AddError("--kernel and --existing cannot be used together");
            }
        });
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(kernel), parse.GetValue(existing), parse.GetValue(debug), console, ct));
        return command;
    }

    private static async Task<int> RunAsync(string? kernel, string? existing, bool debug, CliConsole console, CancellationToken cancellationToken)
    {
        var interactive = InteractiveTerminal.IsAttached(console);
        using ILoggerFactory loggerFactory = debug ? new DebugLoggerFactory(console.Error, TimeProvider.System) : NullLoggerFactory.Instance;
        KernelSession session;
        try
        {
            session = existing is null
                ? await KernelSession.StartAsync(kernel ?? DefaultKernel, restartOnDeath: interactive, loggerFactory, cancellationToken).ConfigureAwait(false)
                : await KernelSession.AttachAsync(existing, loggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelSessionException ex)
        {
            await console.Error.WriteLineAsync($"quire console: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }

        await using (session.ConfigureAwait(false))
        {
            try
            {
                if (!interactive)
                {
                    return await PipedConsole.RunAsync(session, console, cancellationToken).ConfigureAwait(false);
                }

                using var repl = new ReplConsole(session, console);
                return await repl.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (KernelSessionException ex)
            {
                await console.Error.WriteLineAsync($"quire console: {ex.Message}").ConfigureAwait(false);
                return ex.ExitCode;
            }
        }
    }
}

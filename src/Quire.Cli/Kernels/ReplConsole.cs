using System.Text.Json;
using Quire.Cli.Hosting;
using Quire.Cli.Kernels.Terminal;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol.Content;

namespace Quire.Cli.Kernels;

/// <summary>
/// The interactive <c>quire console</c>, modelled on jupyter console: <c>In [N]:</c> prompts, cells that go on while
/// the kernel's <c>is_complete_request</c> says they are incomplete, outputs as they arrive, history and completion
/// from the kernel, Ctrl+C to interrupt a cell or drop a line, Ctrl+D or <c>exit</c> to leave.
/// </summary>
internal sealed partial class ReplConsole : IDisposable
{
    private static readonly HashSet<string> ExitWords = new(StringComparer.Ordinal) { "exit", "quit", "exit()", "quit()" };
    private static readonly TimeSpan KernelQuestionTimeout = TimeSpan.FromSeconds(5);

    private readonly KernelSession _session;
    private readonly CliConsole _console;
    private readonly InputHistory _history = new();
    private readonly OutputPrinter _printer;
    private KeyReader _keys = null!;
    private LineEditor _editor = null!;
    private InterruptWatcher? _watcher;
    private long _next = 1;

    public ReplConsole(KernelSession session, CliConsole console)
    {
        _session = session;
        _console = console;
        _printer = new OutputPrinter(console.Out, console.Error, prompts: true, console.Colors);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _keysForInput.Dispose();
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var treatControlC = Console.TreatControlCAsInput;

        // Ctrl+C comes in as a key: at the prompt it drops the line, during a cell it interrupts the kernel.
        Console.TreatControlCAsInput = true;
        _keys = KeyReader.Start();
        _editor = new LineEditor(_keys, _console.Out, TerminalWidth);
        _watcher = new InterruptWatcher(_keys, InterruptAsync);
        _session.Lost += OnLost;
        try
        {
            if (_session.KernelInfo.Banner is { Length: > 0 } banner)
            {
                await _console.Out.WriteLineAsync(banner.TrimEnd() + "\n").ConfigureAwait(false);
            }

            await LoadHistoryAsync(cancellationToken).ConfigureAwait(false);
            await ReadCountAsync(cancellationToken).ConfigureAwait(false);
            return await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _session.Lost -= OnLost;
            Console.TreatControlCAsInput = treatControlC;
        }
    }

    private async Task<int> LoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var request = new EditRequest
            {
                Prompt = InPrompt(),
                Continuation = ContinuationPrompt(),
                History = _history,
                Complete = CompleteAsync,
                OnEnter = IsIncompleteAsync,
            };
            var edit = await _editor.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (edit.Outcome == EditOutcome.Interrupted)
            {
                continue;
            }

            if (edit.Outcome == EditOutcome.EndOfInput || ExitWords.Contains(edit.Text.Trim()))
            {
                await SayGoodbyeAsync().ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (string.IsNullOrWhiteSpace(edit.Text))
            {
                continue;
            }

            _history.Add(edit.Text);
            if (!await ExecuteAsync(edit.Text, cancellationToken).ConfigureAwait(false))
            {
                await SayGoodbyeAsync().ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (_session.IsGone)
            {
                return ExitCodes.Findings;
            }
        }
    }

    private async Task SayGoodbyeAsync()
    {
        if (_session.Owned)
        {
            await _console.Error.WriteLineAsync("Shutting down kernel").ConfigureAwait(false);
        }
    }

    // jupyter console's history: the kernel's last 1000 inputs, so that Up reaches what earlier sessions ran.
    private async Task LoadHistoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            var request = new HistoryRequest { HistAccessType = "tail", N = 1000, Raw = true, Output = false };
            var reply = await _session.Client.HistoryAsync(request, cancellationToken).WaitAsync(KernelQuestionTimeout, cancellationToken).ConfigureAwait(false);
            foreach (var entry in reply.History)
            {
                if (entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() >= 3 && entry[2].ValueKind == JsonValueKind.String)
                {
                    _history.Add(entry[2].GetString()!);
                }
            }
        }
        catch (Exception ex) when (ex is TimeoutException or KernelSessionException)
        {
            // A kernel without history still gets a console.
        }
    }

    // An attached kernel may have run cells already; a silent execution reports its count without adding to it.
    private async Task ReadCountAsync(CancellationToken cancellationToken)
    {
        var options = new ExecuteOptions { Silent = true, StoreHistory = false, Timeout = KernelQuestionTimeout };
        try
        {
            var result = await _session.ExecuteAsync(string.Empty, _ => { }, null, cancellationToken, options).ConfigureAwait(false);
            _next = (result.ExecutionCount ?? 0) + 1;
        }
        catch (TimeoutException)
        {
            // The kernel is busy with another client's cell; its count will come with our first reply.
        }
    }

    private void OnLost(object? sender, string message)
    {
        _console.Error.WriteLine($"\n[quire console] {message}");
        _next = 1;
    }

    private string InPrompt() => _console.Colors
        ? $"\e[32mIn [\e[1;32m{_next}\e[0;32m]: {Ansi.Reset}"
        : $"In [{_next}]: ";

    // Right-aligned under "In [N]: ", as IPython's continuation prompt is.
    private string ContinuationPrompt()
    {
        var text = new string(' ', Math.Max(0, Ansi.Strip(InPrompt()).Length - 5)) + "...: ";
        return _console.Colors ? $"\e[32m{text}{Ansi.Reset}" : text;
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Quire.Kernel.Hosting;
using Quire.Messaging.Protocol.Content;

namespace Quire.TestKernel;

/// <summary>
/// Runs cells of one command per line: <c>print T</c>, <c>eprint T</c>, <c>result T</c>, <c>display T</c>,
/// <c>display_id ID T</c>, <c>update ID T</c>, <c>clear</c>, <c>error NAME MESSAGE</c>, <c>input PROMPT</c>,
/// <c>password PROMPT</c>, <c>sleep SECONDS</c>, <c>spin</c>, <c>flood COUNT SIZE</c>, <c>exit CODE</c>.
/// </summary>
internal sealed class TestEngine : IKernelEngine
{
    private static readonly string[] Commands =
        ["print", "eprint", "result", "display", "display_id", "update", "clear", "error", "input", "password", "sleep", "spin", "flood", "exit"];

    public KernelInfoReply KernelInfo { get; } = new()
    {
        Implementation = "quire-test-kernel",
        ImplementationVersion = "1.0",
        Banner = "Quire test kernel",
        LanguageInfo = new LanguageInfo { Name = "quire-test", Version = "1.0", Mimetype = "text/plain", FileExtension = ".txt" },
    };

    public async Task<ExecutionOutcome> ExecuteAsync(KernelExecution execution, CancellationToken cancellationToken)
    {
        foreach (var line in execution.Code.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (command, rest) = Split(line);
            switch (command)
            {
                case "print":
                    await execution.WriteStreamAsync("stdout", rest + "\n", cancellationToken);
                    break;
                case "eprint":
                    await execution.WriteStreamAsync("stderr", rest + "\n", cancellationToken);
                    break;
                case "result":
                    await execution.PublishResultAsync(Text(rest), cancellationToken: cancellationToken);
                    break;
                case "display":
                    await execution.DisplayAsync(Html(rest), cancellationToken: cancellationToken);
                    break;
                case "display_id":
                    var (id, text) = Split(rest);
                    await execution.DisplayAsync(Text(text), displayId: id, cancellationToken: cancellationToken);
                    break;
                case "update":
                    var (target, updated) = Split(rest);
                    await execution.UpdateDisplayAsync(target, Text(updated), cancellationToken: cancellationToken);
                    break;
                case "clear":
                    await execution.ClearOutputAsync(wait: rest == "wait", cancellationToken);
                    break;
                case "error":
                    var (name, message) = Split(rest);
                    return ExecutionOutcome.Error(name, message, [$"{name}: {message}", "  in cell line 1"]);
                case "input" or "password":
                    var value = await execution.RequestInputAsync(rest, password: command == "password", cancellationToken);
                    await execution.WriteStreamAsync("stdout", $"got: {value}\n", cancellationToken);
                    break;
                case "sleep":
                    await Task.Delay(TimeSpan.FromSeconds(double.Parse(rest, CultureInfo.InvariantCulture)), cancellationToken);
                    break;
                case "spin":
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        Thread.SpinWait(1000);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    break;
                case "flood":
                    var (count, size) = Split(rest);
                    var chunk = new string('x', int.Parse(size, CultureInfo.InvariantCulture) - 1) + "\n";
                    for (var i = int.Parse(count, CultureInfo.InvariantCulture); i > 0; i--)
                    {
                        await execution.WriteStreamAsync("stdout", chunk, cancellationToken);
                    }

                    break;
                case "exit":
                    Environment.Exit(int.Parse(rest, CultureInfo.InvariantCulture));
                    break;
                default:
                    return ExecutionOutcome.Error("UnknownCommand", command, [$"UnknownCommand: {command}"]);
            }
        }

        return ExecutionOutcome.Ok;
    }

    public Task<CompleteReply> CompleteAsync(CompleteRequest request, CancellationToken cancellationToken)
    {
        var start = request.CursorPos;
        while (start > 0 && (char.IsLetter(request.Code[start - 1]) || request.Code[start - 1] == '_'))
        {
            start--;
        }

        var prefix = request.Code[start..request.CursorPos];
        return Task.FromResult(new CompleteReply
        {
            Matches = [.. Commands.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))],
            CursorStart = start,
            CursorEnd = request.CursorPos,
        });
    }

    public Task<InspectReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken)
    {
        var word = Split(request.Code.Trim()).Command;
        var found = Commands.Contains(word);
        return Task.FromResult(new InspectReply { Found = found, Data = found ? Text($"{word}: a test kernel command") : [] });
    }

    public Task<IsCompleteReply> IsCompleteAsync(IsCompleteRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Code switch
        {
            var c when c.StartsWith("!!", StringComparison.Ordinal) => new IsCompleteReply { Status = "invalid" },
            var c when c.EndsWith('\\') => new IsCompleteReply { Status = "incomplete", Indent = "  " },
            _ => new IsCompleteReply { Status = "complete" },
        });

    private static (string Command, string Argument) Split(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text, string.Empty) : (text[..space], text[(space + 1)..]);
    }

    private static Dictionary<string, JsonElement> Text(string text) => new() { ["text/plain"] = JsonSerializer.SerializeToElement(text, EngineJsonContext.Default.String) };

    private static Dictionary<string, JsonElement> Html(string text)
    {
        var data = Text(text);
        data["text/html"] = JsonSerializer.SerializeToElement($"<b>{System.Net.WebUtility.HtmlEncode(text)}</b>", EngineJsonContext.Default.String);
        return data;
    }
}

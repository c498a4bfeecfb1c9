using System.Text.Json;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Cli.Kernels;

/// <summary>
/// Prints a cell's iopub outputs as they arrive, as jupyter console does: stream text as is (stderr to stderr),
/// results and displays as their <c>text/plain</c>, errors as their traceback. In a REPL results get an
/// <c>Out[N]:</c> prompt; piped, they are bare so that the output can be used as is.
/// </summary>
internal sealed class OutputPrinter(TextWriter output, TextWriter error, bool prompts, bool colors)
{
    private const string PlainText = "text/plain";

    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    public void Print(JupyterMessage message)
    {
        switch (message.MsgType)
        {
            case MessageTypes.Stream:
                var stream = message.GetContent(Json.StreamOutput);
                (stream.Name == "stderr" ? error : output).Write(Colour(stream.Text));
                break;
            case MessageTypes.ExecuteResult:
                var result = message.GetContent(Json.ExecuteResult);
                if (TextOf(result.Data) is { } text)
                {
                    output.WriteLine(prompts ? OutPrompt(result.ExecutionCount) + (text.Contains('\n') ? "\n" : string.Empty) + text : text);
                }

                break;
            case MessageTypes.DisplayData or MessageTypes.UpdateDisplayData:
                if (TextOf(message.GetContent(Json.DisplayData).Data) is { } display)
                {
                    output.WriteLine(display);
                }

                break;
            case MessageTypes.Error:
                foreach (var line in message.GetContent(Json.ErrorOutput).Traceback)
                {
                    error.WriteLine(Colour(line));
                }

                break;
        }

        output.Flush();
        error.Flush();
    }

    private string OutPrompt(long? count) => colors
        ? $"\e[31mOut[\e[1;31m{count}\e[0;31m]: {Ansi.Reset}"
        : $"Out[{count}]: ";

    // Tracebacks carry IPython's colours; a pipe or NO_COLOR gets them without.
    private string Colour(string text) => colors ? text : Ansi.Strip(text);

    private static string? TextOf(Dictionary<string, JsonElement> data)
    {
        if (!data.TryGetValue(PlainText, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Concat(value.EnumerateArray().Select(line => line.GetString())),
            _ => value.GetRawText(),
        };
    }
}

using System.Text;
using Quire.Cli.Hosting;

namespace Quire.Cli.Server;

/// <summary>
/// Reads a password: from the terminal without echo when there is one (the only place a command reads the console
/// directly, since hiding input needs the terminal itself), else the first line of standard input (scripts, tests).
/// </summary>
internal static class PasswordPrompt
{
    /// <returns>The password, or null when none was given or the two entries differ.</returns>
    public static async Task<string?> ReadAsync(CliConsole console, bool confirm, CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            using var reader = new StreamReader(console.StandardInput, Encoding.UTF8, leaveOpen: true);
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(line) ? null : line;
        }

        var first = await ReadHiddenAsync(console, "Enter password: ").ConfigureAwait(false);
        if (!confirm || string.IsNullOrEmpty(first))
        {
            return string.IsNullOrEmpty(first) ? null : first;
        }

        var second = await ReadHiddenAsync(console, "Verify password: ").ConfigureAwait(false);
        if (first != second)
        {
            await console.Error.WriteLineAsync("Passwords do not match.").ConfigureAwait(false);
            return null;
        }

        return first;
    }

    private static async Task<string> ReadHiddenAsync(CliConsole console, string prompt)
    {
        await console.Error.WriteAsync(prompt).ConfigureAwait(false);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        await console.Error.WriteLineAsync().ConfigureAwait(false);
        return text.ToString();
    }
}

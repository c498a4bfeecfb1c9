using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Server.Security.Passwords;

namespace Quire.Cli.Server;

/// <summary>
/// <c>quire serve password</c>: prints the hash of a password for <c>quire serve --password-hash</c>, in the form
/// jupyter_server writes (<c>argon2:$argon2id$…</c>), so the same hash works in both.
/// </summary>
internal static class PasswordCommand
{
    public static Command Create(CliConsole console)
    {
        var algorithm = new Option<PasswordAlgorithm>("--algorithm")
        {
            Description = "argon2 (argon2id, as jupyter_server) or pbkdf2 (PBKDF2-HMAC-SHA256).",
            DefaultValueFactory = _ => PasswordAlgorithm.Argon2,
        };
        var command = new Command("password", "Hash a password for --password-hash (read without echo, or from standard input).") { algorithm };
        command.SetAction(async (parse, ct) =>
        {
            var password = await PasswordPrompt.ReadAsync(console, confirm: true, ct).ConfigureAwait(false);
            if (password is null)
            {
                await console.Error.WriteLineAsync("quire serve password: no password given").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var hash = await PasswordHash.CreateAsync(password, parse.GetValue(algorithm), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(hash).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

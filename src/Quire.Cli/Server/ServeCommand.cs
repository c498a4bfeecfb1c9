using System.CommandLine;
using Quire.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quire.Server.Hosting;
using Quire.Server.Kernels;
using Quire.Server.Security.Passwords;

namespace Quire.Cli.Server;

/// <summary><c>quire serve</c>: the notebook server, speaking the Jupyter Server REST and WebSocket API.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var root = new Option<string>("--root") { Description = "The directory to serve notebooks from (default: the current directory)." };
        var ip = new Option<string>("--ip") { Description = "The address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "The port to listen on; 0 picks a free one.", DefaultValueFactory = _ => 8888 };
        var baseUrl = new Option<string>("--base-url") { Description = "The URL prefix of every route.", DefaultValueFactory = _ => "/" };
        var token = new Option<string?>("--token") { Description = "The token clients must present (default: a fresh random token, printed at start)." };
        var allowHidden = new Option<bool>("--allow-hidden") { Description = "Serve hidden files and directories (names starting with a dot)." };
        var maxBody = new Option<long>("--max-body-size") { Description = "The largest request body accepted, in bytes.", DefaultValueFactory = _ => 512L * 1024 * 1024 };
        var password = new Option<bool>("--password") { Description = "Ask for a password (without echo, or from standard input) and require it to log in, instead of a token." };
        var passwordHash = new Option<string?>("--password-hash") { Description = "Require this password hash to log in (from 'quire serve password', or jupyter_server's hashed_password)." };
        var allowOrigin = new Option<string>("--allow-origin") { Description = "An origin (https://host:port) allowed to call the API cross-site, or '*' for any.", DefaultValueFactory = _ => string.Empty };
        var allowRemote = new Option<bool>("--allow-remote-access") { Description = "Answer requests whatever their Host header (turns off the DNS-rebinding check)." };
        var localHostnames = new Option<string[]>("--local-hostname") { Description = "A host name to answer to besides localhost (repeatable).", AllowMultipleArgumentsPerToken = false };
        var followLinks = new Option<bool>("--follow-symlinks-outside-root") { Description = "Serve files that symbolic links lead to outside the root (refused by default)." };
        var alwaysDelete = new Option<bool>("--always-delete-dir") { Description = "Let the API delete non-empty directories (refused by default: there is no trash)." };
        var cullIdle = new Option<int>("--cull-idle-timeout") { Description = "Shut kernels down after this many seconds idle; 0 never (jupyter_server's cull_idle_timeout)." };
        var cullInterval = new Option<int>("--cull-interval") { Description = "How often, in seconds, to look for idle kernels (cull_interval).", DefaultValueFactory = _ => 300 };
        var cullConnected = new Option<bool>("--cull-connected") { Description = "Cull idle kernels even while a browser is connected (cull_connected)." };
        var cullBusy = new Option<bool>("--cull-busy") { Description = "Cull kernels even while busy (cull_busy)." };
        var command = new Command("serve", "Serve notebooks and kernels over the Jupyter Server API (JupyterLab, VS Code and Jupyter clients connect unchanged).")
        {
            root, ip, port, baseUrl, token, password, passwordHash, allowHidden, maxBody, allowOrigin, allowRemote, localHostnames, followLinks, alwaysDelete,
            cullIdle, cullInterval, cullConnected, cullBusy,
            PasswordCommand.Create(console),
        };
        command.SetAction(async (parse, ct) =>
        {
            var hash = parse.GetValue(passwordHash);
            if (parse.GetValue(password))
            {
                var typed = await PasswordPrompt.ReadAsync(console, confirm: true, ct).ConfigureAwait(false);
                if (typed is null)
                {
                    await console.Error.WriteLineAsync("quire serve: --password: no password given").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                hash = await PasswordHash.CreateAsync(typed, PasswordAlgorithm.Argon2, ct).ConfigureAwait(false);
            }

            var options = new QuireServerOptions
            {
                RootDirectory = parse.GetValue(root) ?? Directory.GetCurrentDirectory(),
                Ip = parse.GetValue(ip)!,
                Port = parse.GetValue(port),
                BaseUrl = parse.GetValue(baseUrl)!,
                // With a password and no --token, log in with the password only, as jupyter_server does.
                Token = parse.GetValue(token) ?? (string.IsNullOrEmpty(hash) ? null : string.Empty),
                PasswordHash = hash,
                AllowHidden = parse.GetValue(allowHidden),
                MaxBodySize = parse.GetValue(maxBody),
                AllowOrigin = parse.GetValue(allowOrigin) ?? string.Empty,
                AllowRemoteAccess = parse.GetValue(allowRemote),
                LocalHostnames = ["localhost", .. parse.GetValue(localHostnames) ?? []],
                FollowSymlinksOutsideRoot = parse.GetValue(followLinks),
                AlwaysDeleteDirectories = parse.GetValue(alwaysDelete),
            };
            var errors = QuireServerOptionsValidator.Validate(options);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await console.Error.WriteLineAsync($"quire serve: {error}").ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            var kernels = new KernelsOptions
            {
                CullIdleTimeout = TimeSpan.FromSeconds(parse.GetValue(cullIdle)),
                CullInterval = TimeSpan.FromSeconds(parse.GetValue(cullInterval)),
                CullConnected = parse.GetValue(cullConnected),
                CullBusy = parse.GetValue(cullBusy),
            };
            var kernelErrors = KernelsOptionsValidator.Validate(kernels);
            if (kernelErrors.Count > 0)
            {
                foreach (var error in kernelErrors)
                {
                    await console.Error.WriteLineAsync($"quire serve: {error}").ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            await using var app = QuireServer.Build(options, builder => builder.Services.AddSingleton(kernels));
            await app.StartAsync(ct).ConfigureAwait(false);
            var url = QuireServer.ListeningUrl(app);
            var effective = app.Services.GetRequiredService<QuireServerOptions>();
            await console.Out.WriteLineAsync($"Quire is serving {effective.RootDirectory}").ConfigureAwait(false);
            await console.Out.WriteLineAsync(string.IsNullOrEmpty(effective.Token) ? $"    {url}" : $"    {url}?token={effective.Token}").ConfigureAwait(false);
            await console.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            // The host's console lifetime owns SIGINT and SIGTERM: wait for it (or for the command's token) to stop
            // the server, which shuts kernels down on the way out.
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using Quire.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quire.Server.Hosting;

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
        var command = new Command("serve", "Serve notebooks and kernels over the Jupyter Server API (JupyterLab, VS Code and Jupyter clients connect unchanged).")
        {
            root, ip, port, baseUrl, token, allowHidden, maxBody,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new QuireServerOptions
            {
                RootDirectory = parse.GetValue(root) ?? Directory.GetCurrentDirectory(),
                Ip = parse.GetValue(ip)!,
                Port = parse.GetValue(port),
                BaseUrl = parse.GetValue(baseUrl)!,
                Token = parse.GetValue(token),
                AllowHidden = parse.GetValue(allowHidden),
                MaxBodySize = parse.GetValue(maxBody),
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

            await using var app = QuireServer.Build(options);
            await app.StartAsync(ct).ConfigureAwait(false);
            var url = QuireServer.ListeningUrl(app);
            var effective = app.Services.GetRequiredService<QuireServerOptions>();
            await console.Out.WriteLineAsync($"Quire is serving {effective.RootDirectory}").ConfigureAwait(false);
            await console.Out.WriteLineAsync(string.IsNullOrEmpty(effective.Token) ? $"    {url}" : $"    {url}?token={effective.Token}").ConfigureAwait(false);
            await console.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C: stop below, shutting kernels down.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

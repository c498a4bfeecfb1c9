using System.CommandLine;
using Quire.Cli.Notebooks;

namespace Quire.Cli.Hosting;

/// <summary>Builds the <c>quire</c> command tree (subcommands grouped by noun) and runs it.</summary>
public static class QuireCli
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand($"""
            Quire: notebooks, kernels and jobs in one .NET server.

            {ExitCodes.HelpText}
            """)
        {
            NbCommand.Create(console),
            Kernels.ConsoleCommand.Create(console),
            Kernels.KernelCommand.Create(console),
            Run.RunCommand.Create(console),
            Server.ServeCommand.Create(console),
            Convert.ConvertCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Create(console);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync($"quire: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"Run '{CommandPath(parseResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("quire: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "quire" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}

using System.Text;
using Quire.Cli.Hosting;

namespace Quire.Cli.Kernels;

/// <summary>
/// <c>quire console</c> without a terminal: all of standard input is one cell; its outputs are printed, and the exit
/// code says whether it raised.
/// </summary>
internal static class PipedConsole
{
    public static async Task<int> RunAsync(KernelSession session, CliConsole console, CancellationToken cancellationToken)
    {
        var code = Encoding.UTF8.GetString(await console.ReadStandardInputAsync(cancellationToken).ConfigureAwait(false));
        if (string.IsNullOrWhiteSpace(code))
        {
            return ExitCodes.Success;
        }

        var printer = new OutputPrinter(console.Out, console.Error, prompts: false, console.Colors);

        // Without a terminal there is nobody to answer input(): the kernel is told so and raises at once.
        var result = await session.ExecuteAsync(code, printer.Print, input: null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Findings;
    }
}

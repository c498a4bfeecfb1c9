using System.CommandLine;
using Quire.Cli.Hosting;

namespace Quire.Cli.Notebooks;

/// <summary><c>quire nb …</c>: tools on the notebook format.</summary>
internal static class NbCommand
{
    public static Command Create(CliConsole console) => new("nb", "Validate, format, strip, diff, trust and scan .ipynb notebooks.")
    {
        ValidateCommand.Create(console),
        FmtCommand.Create(console),
        StripCommand.Create(console),
        DiffCommand.Create(console),
        TrustCommands.CreateTrust(console),
        TrustCommands.CreateUntrust(console),
        TrustCommands.CreateVerify(console),
        ScanCommand.Create(console),
    };
}

using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Cli.Notebooks.Scan;
using Quire.Notebook.Format;
using Quire.Notebook.Secrets;

namespace Quire.Cli.Notebooks;

/// <summary><c>quire nb scan FILE…</c>: finds credentials committed in notebooks (sources, outputs, metadata).</summary>
internal static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CliArguments.Files("Notebooks to scan (\"-\" reads standard input).");
        var fix = new Option<bool>("--fix")
        {
            Description = "Replace each secret with <redacted:RULE> and rewrite the file atomically (canonical nbformat); with \"-\", write the notebook to standard output.",
        };
        var json = new Option<bool>("--json") { Description = "Report as JSON (previews only, never the secrets)." };
        var command = new Command("scan", """
            Look for secrets in notebooks: cloud keys (AWS, GCP service accounts, Azure), private keys, GitHub, Slack,
            Stripe and OpenAI-style tokens, JWTs, passwords in URLs and connection strings, and random-looking values
            assigned to names like password, token or api_key. Sources, outputs (images excepted), textual attachments
            and metadata are scanned; placeholders (xxxx, <your-key>, ${VAR}, os.environ) are not reported.
            Exit 0 when clean, 1 when anything is found (also with --fix), 3 when a file cannot be read.
            """)
        {
            files,
            fix,
            json,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(files), parse.GetValue(fix), parse.GetValue(json), console, ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, bool fix, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var exit = ExitCodes.Success;
        var results = new List<ScanFileResult>();
        // With --fix on "-" the notebook goes to standard output, so the report goes to standard error.
        var report = fix && files.Contains(NotebookInput.StdinName) ? console.Error : console.Out;
        foreach (var file in files)
        {
            var (result, code) = await ScanOneAsync(file, fix, console, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            exit = NotebookInput.Worst(exit, code);
            if (!json)
            {
                foreach (var finding in result.Findings)
                {
                    await report.WriteLineAsync(ScanReport.Line(result.Name, finding)).ConfigureAwait(false);
                }
            }
        }

        if (json)
        {
            var bytes = ScanReport.Json(results);
            if (ReferenceEquals(report, console.Out))
            {
                await console.WriteBytesAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await report.WriteAsync(ScanReport.Text(bytes)).ConfigureAwait(false);
            }
        }
        else
        {
            await report.WriteLineAsync(ScanReport.Summary(results)).ConfigureAwait(false);
        }

        return exit;
    }

    private static async Task<(ScanFileResult Result, int ExitCode)> ScanOneAsync(string file, bool fix, CliConsole console, CancellationToken cancellationToken)
    {
        var name = file == NotebookInput.StdinName ? "<stdin>" : file;
        var read = await NotebookInput.TryReadAsync(file, console, cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return (new ScanFileResult(name, [], Redacted: false, "unreadable"), ExitCodes.BadInput);
        }

        var scan = NotebookSecretScanner.Scan(read.Document);
        if (scan.IsClean)
        {
            return (new ScanFileResult(name, [], Redacted: false, null), ExitCodes.Success);
        }

        if (!fix)
        {
            return (new ScanFileResult(name, scan.Findings, Redacted: false, null), ExitCodes.Findings);
        }

        if (file == NotebookInput.StdinName)
        {
            await console.WriteBytesAsync(NotebookWriter.ToUtf8(scan.Redacted), cancellationToken).ConfigureAwait(false);
            return (new ScanFileResult(name, scan.Findings, Redacted: true, null), ExitCodes.Findings);
        }

        try
        {
            await NotebookWriter.WriteFileAsync(file, scan.Redacted, cancellationToken).ConfigureAwait(false);
            return (new ScanFileResult(name, scan.Findings, Redacted: true, null), ExitCodes.Findings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{file}: not redacted, the file could not be written: {ex.Message}").ConfigureAwait(false);
            return (new ScanFileResult(name, scan.Findings, Redacted: false, "not written"), ExitCodes.WriteFailed);
        }
    }
}

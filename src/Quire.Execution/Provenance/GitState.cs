using System.Diagnostics;

namespace Quire.Execution.Provenance;

/// <summary>The commit checked out where a file lies, and whether the work tree differs from it.</summary>
public sealed record GitState(string Commit, bool Dirty)
{
    /// <summary>Asks <c>git</c> (a process, as a user would); null outside a repository or without git.</summary>
    public static async Task<GitState?> ForPathAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var commit = await GitAsync(directory, cancellationToken, "rev-parse", "HEAD").ConfigureAwait(false);
        if (commit is null)
        {
            return null;
        }

        var status = await GitAsync(directory, cancellationToken, "status", "--porcelain", "--untracked-files=no").ConfigureAwait(false);
        return new GitState(commit.Trim(), !string.IsNullOrWhiteSpace(status));
    }

    private static async Task<string?> GitAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0 ? await output.ConfigureAwait(false) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on PATH: provenance without it.
            return null;
        }
    }
}

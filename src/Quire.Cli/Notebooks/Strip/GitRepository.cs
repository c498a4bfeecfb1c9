using System.ComponentModel;
using System.Diagnostics;

namespace Quire.Cli.Notebooks.Strip;

/// <summary>A git work tree found by walking up to its <c>.git</c>; runs <c>git</c> inside it.</summary>
internal sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    /// <summary>The work tree's top directory (the one holding <c>.git</c>).</summary>
    public string Root { get; }

    /// <summary>
    /// The repository holding <paramref name="start"/>, or <c>null</c> outside any. A <c>.git</c> file counts as well
    /// as a directory, since worktrees and submodules use one.
    /// </summary>
    public static GitRepository? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return new GitRepository(dir.FullName);
            }
        }

        return null;
    }

    /// <summary>Runs git in the work tree; the arguments are passed as they are, never through a shell.</summary>
    /// <exception cref="Win32Exception">git is not installed or not on PATH.</exception>
    public async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new Win32Exception("git could not be started");
        // Both pipes are drained together so that a chatty git never blocks on a full buffer.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new GitResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}

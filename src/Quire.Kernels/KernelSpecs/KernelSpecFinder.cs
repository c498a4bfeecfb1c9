using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Quire.Kernels.KernelSpecs;

/// <summary>
/// Finds installed kernelspecs as jupyter_client's <c>KernelSpecManager</c> does: each <c>kernels</c> directory in
/// priority order, each subdirectory holding a <c>kernel.json</c>; names are the lower-cased directory names and the
/// first directory to hold a name wins. A broken <c>kernel.json</c> is logged and listed in
/// <see cref="KernelSpecCatalog.Problems"/>; it does not stop discovery (and, as in jupyter_client, it still shadows a
/// spec of the same name further down the path).
/// </summary>
public sealed partial class KernelSpecFinder
{
    private readonly KernelSpecFinderOptions _options;
    private readonly ILogger _logger;

    public KernelSpecFinder(KernelSpecFinderOptions? options = null, ILogger<KernelSpecFinder>? logger = null)
    {
        _options = options ?? KernelSpecFinderOptions.FromEnvironment();
        ArgumentNullException.ThrowIfNull(_options.KernelDirectories, nameof(KernelSpecFinderOptions.KernelDirectories));
        _logger = logger ?? NullLogger<KernelSpecFinder>.Instance;
    }

    public IReadOnlyList<string> KernelDirectories => _options.KernelDirectories;

    /// <summary>All kernelspecs, by lower-case name, and what was wrong with the ones that could not be read.</summary>
    public async Task<KernelSpecCatalog> FindAllAsync(CancellationToken cancellationToken = default)
    {
        var specs = new Dictionary<string, KernelSpec>(StringComparer.Ordinal);
        var problems = new List<KernelSpecProblem>();
        foreach (var (name, resourceDirectory) in FindSpecDirectories(problems))
        {
            try
            {
                specs[name] = await KernelSpecReader.ReadAsync(resourceDirectory, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Report(problems, new KernelSpecProblem(Path.Combine(resourceDirectory, KernelSpecReader.FileName), ex.Message));
            }
        }

        return new KernelSpecCatalog(specs, problems);
    }

    /// <summary>The kernelspec named <paramref name="name"/> (case-insensitive), or null when none is installed.</summary>
    /// <exception cref="InvalidDataException">The winning <c>kernel.json</c> cannot be read.</exception>
    public async Task<KernelSpec?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var key = name.ToLowerInvariant();
        foreach (var (candidate, resourceDirectory) in FindSpecDirectories([]))
        {
            if (string.Equals(candidate, key, StringComparison.Ordinal))
            {
                return await KernelSpecReader.ReadAsync(resourceDirectory, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    // find_kernel_specs: name -> resource directory, first occurrence wins.
    private List<(string Name, string ResourceDirectory)> FindSpecDirectories(List<KernelSpecProblem> problems)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<(string, string)>();
        foreach (var kernelsDir in _options.KernelDirectories)
        {
            string[] entries;
            try
            {
                entries = Directory.Exists(kernelsDir) ? Directory.GetDirectories(kernelsDir) : [];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Report(problems, new KernelSpecProblem(kernelsDir, $"cannot list the directory: {ex.Message}"));
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var resourceDirectory in entries)
            {
                if (!File.Exists(Path.Combine(resourceDirectory, KernelSpecReader.FileName)))
                {
                    continue;
                }

                var name = Path.GetFileName(resourceDirectory).ToLowerInvariant();
                if (!KernelSpecReader.IsValidName(name))
                {
                    // jupyter_client warns and keeps it; so do we.
                    Report(problems, new KernelSpecProblem(resourceDirectory,
                        "invalid kernelspec directory name: kernel names can only contain ASCII letters and numbers and - . _"));
                }

                if (found.TryAdd(name, resourceDirectory))
                {
                    LogFound(_logger, name, kernelsDir);
                    order.Add((name, resourceDirectory));
                }
            }
        }

        if (_options.AllowedKernelSpecs is { Count: > 0 } allowed)
        {
            order.RemoveAll(entry => !allowed.Contains(entry.Item1));
        }

        return order;
    }

    private void Report(List<KernelSpecProblem> problems, KernelSpecProblem problem)
    {
        problems.Add(problem);
        LogProblem(_logger, problem.Path, problem.Message);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Found kernelspec {Name} in {Directory}")]
    private static partial void LogFound(ILogger logger, string name, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernelspec problem in {Path}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string path, string problem);
}

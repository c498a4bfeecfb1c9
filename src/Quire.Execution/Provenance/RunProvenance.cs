using System.Security.Cryptography;
using Quire.Execution.Parameters;

namespace Quire.Execution.Provenance;

/// <summary>What the caller knows about a run's input and output, written into the output's <c>metadata.quire.run</c>.</summary>
public sealed record RunProvenance
{
    public string? InputPath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the input file's bytes as read.</summary>
    public string? InputSha256 { get; init; }

    public string? OutputPath { get; init; }

    /// <summary>The input's repository state; null when it is not in a git repository (or git is not installed).</summary>
    public GitState? Git { get; init; }

    public NotebookParameters? Parameters { get; init; }

    /// <summary>The input's full path, the hash of <paramref name="content"/> (its bytes as read) and its git state.</summary>
    public static async Task<RunProvenance> ForInputAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        return new RunProvenance
        {
            InputPath = full,
            InputSha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            Git = await GitState.ForPathAsync(full, cancellationToken).ConfigureAwait(false),
        };
    }
}

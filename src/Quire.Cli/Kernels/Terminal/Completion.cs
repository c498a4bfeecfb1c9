namespace Quire.Cli.Kernels.Terminal;

/// <summary>Matches that replace <c>text[Start..End]</c> (UTF-16 indices).</summary>
internal sealed record Completion(int Start, int End, IReadOnlyList<string> Matches);

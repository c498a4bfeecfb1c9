namespace Quire.Kernel.CSharp.Execution;

/// <summary>What a cell produced: the value of its trailing expression (when it has one) or the exception it threw.</summary>
internal sealed record CellRun(object? Value, bool HasValue, Exception? Exception);

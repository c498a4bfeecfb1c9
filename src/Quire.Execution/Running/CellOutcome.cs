namespace Quire.Execution.Running;

/// <summary>How one cell ended: <see cref="Stop"/> is set when the run must end because of it.</summary>
internal sealed record CellOutcome(bool Failed, string? Ename, string? Evalue)
{
    public ExecutionStatus? Stop { get; init; }

    public string? Message { get; init; }

    public int? KernelExitCode { get; init; }
}

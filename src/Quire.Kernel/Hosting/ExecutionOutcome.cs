namespace Quire.Kernel.Hosting;

/// <summary>How a cell ended: <see cref="Ok"/>, or an error the host publishes and puts in the reply.</summary>
public sealed record ExecutionOutcome
{
    private ExecutionOutcome(string? ename, string? evalue, IReadOnlyList<string>? traceback)
    {
        EName = ename;
        EValue = evalue;
        Traceback = traceback ?? [];
    }

    public static ExecutionOutcome Ok { get; } = new(null, null, null);

    public string? EName { get; }

    public string? EValue { get; }

    public IReadOnlyList<string> Traceback { get; }

    public bool IsError => EName is not null;

    public static ExecutionOutcome Error(string ename, string evalue, IReadOnlyList<string> traceback) =>
        new(ename, evalue, traceback);
}

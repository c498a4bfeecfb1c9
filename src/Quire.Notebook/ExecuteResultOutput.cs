using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>An <c>execute_result</c> output: the value of a cell's last expression.</summary>
public sealed class ExecuteResultOutput : RichOutput
{
    internal ExecuteResultOutput(JObject json)
        : base(json)
    {
    }

    public long? ExecutionCount => Json["execution_count"] is JNumber n && n.TryGetInt64(out var v) ? v : null;

    public static ExecuteResultOutput Create(long? executionCount, JObject data, JObject? metadata = null) =>
        new(JObject.Of(
            ("data", data),
            ("execution_count", executionCount is null ? JLiteral.Null : JNumber.From(executionCount.Value)),
            ("metadata", metadata ?? JObject.Empty),
            ("output_type", "execute_result")));
}

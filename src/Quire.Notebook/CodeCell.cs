using System.Collections.Immutable;
using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>A code cell: source, execution count and outputs.</summary>
public sealed class CodeCell : NotebookCell
{
    private ImmutableArray<NotebookOutput> _outputs;

    internal CodeCell(JObject json)
        : base(json)
    {
    }

    /// <summary>The execution count, or <c>null</c> when the cell has not run.</summary>
    public long? ExecutionCount => Json["execution_count"] is JNumber n && n.TryGetInt64(out var v) ? v : null;

    public ImmutableArray<NotebookOutput> Outputs
    {
        get
        {
            if (_outputs.IsDefault)
            {
                var outputs = Json.GetArray("outputs");
                _outputs = outputs is null ? [] : [.. outputs.OfType<JObject>().Select(NotebookOutput.From)];
            }

            return _outputs;
        }
    }

    public static CodeCell Create(string source, string? id = null)
    {
        var cell = JObject.Of(
            ("cell_type", "code"),
            ("execution_count", JLiteral.Null),
            ("metadata", JObject.Empty),
            ("outputs", JArray.Empty),
            ("source", source));
        return new CodeCell(id is null ? cell : cell.With("id", id));
    }

    public CodeCell WithOutputs(IEnumerable<NotebookOutput> outputs) =>
        new(Json.With("outputs", new JArray(outputs.Select(o => (JValue)o.Json))));

    public CodeCell WithExecutionCount(long? count) =>
        new(Json.With("execution_count", count is null ? JLiteral.Null : JNumber.From(count.Value)));
}

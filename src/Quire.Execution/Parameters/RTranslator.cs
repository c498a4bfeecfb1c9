using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// papermill's <c>RTranslator</c>: <c>TRUE</c>/<c>FALSE</c>/<c>NULL</c>, lists and dicts as (named) <c>list(...)</c>,
/// leading underscores dropped from names (they are not legal in R).
/// </summary>
public sealed class RTranslator : ParameterTranslator
{
    protected override string Comment(string text) => $"# {text}";

    protected override string Assign(string name, string literal) => $"{name.TrimStart('_')} = {literal}";

    protected override string TranslateString(string value) => UnicodeEscapedString(value);

    protected override string TranslateBool(bool value) => value ? "TRUE" : "FALSE";

    protected override string TranslateNull() => "NULL";

    protected override string TranslateFloat(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : PythonFloat.Repr(value);

    protected override string TranslateList(IReadOnlyList<JValue> items) => $"list({string.Join(", ", items.Select(Translate))})";

    protected override string TranslateDict(JObject members) =>
        $"list({string.Join(", ", members.Select(m => $"{TranslateString(m.Key)} = {Translate(m.Value)}"))})";
}

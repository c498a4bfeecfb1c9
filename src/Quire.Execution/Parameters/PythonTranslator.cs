using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>papermill's <c>PythonTranslator</c>: <c>True</c>/<c>False</c>/<c>None</c>, lists and dicts as literals, <c>float('nan')</c>/<c>float('inf')</c>.</summary>
public sealed class PythonTranslator : ParameterTranslator
{
    protected override string Comment(string text) => $"# {text}";

    protected override string Assign(string name, string literal) => $"{name} = {literal}";

    protected override string TranslateString(string value) => UnicodeEscapedString(value);

    protected override string TranslateBool(bool value) => value ? "True" : "False";

    protected override string TranslateNull() => "None";

    protected override string TranslateFloat(double value) =>
        double.IsNaN(value) ? "float('nan')"
        : double.IsPositiveInfinity(value) ? "float('inf')"
        : double.IsNegativeInfinity(value) ? "float('-inf')"
        : PythonFloat.Repr(value);

    protected override string TranslateList(IReadOnlyList<JValue> items) => $"[{string.Join(", ", items.Select(Translate))}]";

    protected override string TranslateDict(JObject members) =>
        $"{{{string.Join(", ", members.Select(m => $"{TranslateString(m.Key)}: {Translate(m.Value)}"))}}}";
}

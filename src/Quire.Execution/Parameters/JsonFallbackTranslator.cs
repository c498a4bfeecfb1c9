using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// For a language without a translator (papermill raises there): <c>name = JSON</c> lines under a <c>#</c> comment,
/// which many languages read as they stand (Julia, Ruby, Perl-like shells, Python for numbers, strings and lists) and
/// any kernel can at least parse by hand. Strings are JSON strings with everything outside printable ASCII escaped.
/// </summary>
public sealed class JsonFallbackTranslator : ParameterTranslator
{
    protected override string Comment(string text) => $"# {text}";

    protected override string Assign(string name, string literal) => $"{name} = {literal}";

    protected override string TranslateString(string value) => JsonText.ToCompactString(JString.From(value));

    protected override string TranslateBool(bool value) => value ? "true" : "false";

    protected override string TranslateNull() => "null";

    protected override string TranslateFloat(double value) => PythonFloat.Repr(value);

    protected override string TranslateList(IReadOnlyList<JValue> items) => $"[{string.Join(", ", items.Select(Translate))}]";

    protected override string TranslateDict(JObject members) =>
        $"{{{string.Join(", ", members.Select(m => $"{TranslateString(m.Key)}: {Translate(m.Value)}"))}}}";
}

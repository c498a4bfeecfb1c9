using Quire.Execution.Parameters;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Parameters;

/// <summary>-f files: YAML read with PyYAML SafeLoader's scalar rules (papermill's <c>read_yaml_file</c>), and JSON.</summary>
public sealed class ParameterFileTests
{
    [Fact]
    public void Yaml_keeps_nesting_and_types_scalars_as_pyyaml_does()
    {
        const string yaml = """
            count: 3
            ratio: 0.25
            big: 123456789012345678901234567890
            hex: 0x1F
            enabled: yes
            off_switch: off
            nothing: ~
            empty:
            quoted: "42"
            exponent_without_dot: 1e5
            infinite: -.inf
            text: hello world
            nested:
              list: [1, two, 3.0, null]
              map: {a: true, b: [x, {c: "d"}]}
            """;

        var values = ParameterFile.Parse(yaml, "params.yaml");

        // The JSON /usr/bin/python3 -c 'import yaml,json; print(json.dumps(yaml.safe_load(...)))' prints, keys sorted.
        Assert.Equal(
            """{"big": 123456789012345678901234567890, "count": 3, "empty": null, "enabled": true, "exponent_without_dot": "1e5", "hex": 31, "infinite": -Infinity, "nested": {"list": [1, "two", 3.0, null], "map": {"a": true, "b": ["x", {"c": "d"}]}}, "nothing": null, "off_switch": false, "quoted": "42", "ratio": 0.25, "text": "hello world"}""",
            JsonText.ToCompactString(values));
    }

    [Fact]
    public void Json_files_keep_nesting()
    {
        var values = ParameterFile.Parse("""{"a": {"b": [1, 2.5, "c", false, null]}}""", "p.json");

        Assert.Equal("""{"a": {"b": [1, 2.5, "c", false, null]}}""", JsonText.ToCompactString(values));
    }

    [Theory]
    [InlineData("p.json", "{\"a\": ", "p.json:1:")]
    [InlineData("p.yaml", "a: [1, 2", "p.yaml:")]
    [InlineData("p.yaml", "- 1\n- 2\n", "must hold a mapping")]
    public void Bad_files_get_one_line_naming_the_file(string path, string text, string expected)
    {
        var ex = Assert.Throws<ParameterException>(() => ParameterFile.Parse(text, path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message.TrimEnd());
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quire-missing-{Guid.NewGuid():N}.yaml");

        var ex = await Assert.ThrowsAsync<ParameterException>(() => ParameterFile.ReadAsync(path, TestContext.Current.CancellationToken));

        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }
}

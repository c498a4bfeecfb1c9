using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// A <c>-f</c> parameters file: JSON (<c>.json</c>) or YAML (anything else; papermill reads both with PyYAML's
/// <c>safe_load</c>, of which JSON is nearly a subset). The top level must be a mapping; any nesting below it is kept.
/// </summary>
public static class ParameterFile
{
    /// <exception cref="ParameterException">The file cannot be read, does not parse, or is not a mapping; the message names the file.</exception>
    public static async Task<JObject> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ParameterException($"{path}: cannot read the parameters file: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <exception cref="ParameterException">The text does not parse or is not a mapping.</exception>
    public static JObject Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        JValue value;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                value = JsonParser.Parse(text);
            }
            catch (JsonSyntaxException ex)
            {
                throw new ParameterException($"{path}:{ex.Line}:{ex.Column}: {ex.Reason}", ex);
            }
        }
        else
        {
            value = YamlValues.Parse(text, path);
        }

        return value switch
        {
            JObject o => o,
            JLiteral { Kind: JKind.Null } => JObject.Empty,
            _ => throw new ParameterException($"{path}: the parameters file must hold a mapping of names to values, not {value.TypeName}"),
        };
    }
}

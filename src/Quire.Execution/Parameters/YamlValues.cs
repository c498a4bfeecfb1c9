using System.Globalization;
using System.Text.RegularExpressions;
using Quire.Notebook.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quire.Execution.Parameters;

/// <summary>
/// YAML to JSON values with the scalar rules of PyYAML's <c>SafeLoader</c> (YAML 1.1), which papermill uses: plain
/// <c>yes/no/on/off/true/false</c> are booleans, <c>~</c>, <c>null</c> and empty are null, ints in decimal, hex,
/// octal and binary, floats need a dot (<c>1e5</c> stays a string, as in PyYAML) or are <c>.inf</c>/<c>.nan</c>;
/// quoted scalars and <c>!!str</c> are always strings.
/// </summary>
internal static partial class YamlValues
{
    public static JValue Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ParameterException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}", ex);
        }

        return stream.Documents.Count == 0 ? JLiteral.Null : Convert(stream.Documents[0].RootNode, path);
    }

    private static JValue Convert(YamlNode node, string path) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping, path),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(c => Convert(c, path))),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new ParameterException($"{path}:{node.Start.Line}:{node.Start.Column}: unsupported YAML node"),
    };

    private static JObject Mapping(YamlMappingNode mapping, string path)
    {
        var builder = new JObjectBuilder();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new ParameterException($"{path}:{key.Start.Line}:{key.Start.Column}: mapping keys must be plain names");
            }

            builder.Set(name, Convert(value, path));
        }

        return builder.Build();
    }

    private static JValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (scalar.Style is not ScalarStyle.Plain || tag is "tag:yaml.org,2002:str")
        {
            return JString.From(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JLiteral.Null,
            "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => JLiteral.True,
            "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => JLiteral.False,
            _ => Integer(text) ?? Float(text) ?? (JValue)JString.From(text),
        };
    }

    private static JValue? Integer(string text)
    {
        var match = IntegerPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var negative = text.StartsWith('-');
        var body = match.Groups["body"].Value.Replace("_", string.Empty, StringComparison.Ordinal);
        System.Numerics.BigInteger value;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            value = System.Numerics.BigInteger.Parse("0" + body[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        else if (body.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            value = body[2..].Aggregate(System.Numerics.BigInteger.Zero, (acc, c) => (acc * 2) + (c - '0'));
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            value = body[1..].Aggregate(System.Numerics.BigInteger.Zero, (acc, c) => (acc * 8) + (c - '0'));
        }
        else
        {
            value = System.Numerics.BigInteger.Parse(body, CultureInfo.InvariantCulture);
        }

        return JsonParser.Parse((negative ? -value : value).ToString(CultureInfo.InvariantCulture));
    }

    private static JNumber? Float(string text)
    {
        if (!FloatPattern().IsMatch(text))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        var value = lower.EndsWith(".nan", StringComparison.Ordinal) ? double.NaN
            : lower.EndsWith(".inf", StringComparison.Ordinal) ? (lower.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity)
            : double.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        return JNumber.From(value);
    }

    // PyYAML's int resolver (resolver.py), without the base-60 form.
    [GeneratedRegex(@"^[-+]?(?<body>0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    // PyYAML's float resolver: a dot is required; .inf and .nan in three spellings each.
    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Quire.Kernels.KernelSpecs;

/// <summary>Parses one <c>kernel.json</c>. Errors are one line naming the file and what is wrong with it.</summary>
internal static partial class KernelSpecReader
{
    public const string FileName = "kernel.json";

    public static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>jupyter_client's <c>_kernel_name_pat</c> (applied to the lower-cased name).</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <exception cref="InvalidDataException">The file is not a usable kernelspec.</exception>
    public static async Task<KernelSpec> ReadAsync(string resourceDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(resourceDirectory, FileName);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"{path}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: not valid JSON ({FirstSentence(ex.Message)})", ex);
        }

        using (document)
        {
            return Parse(document.RootElement, resourceDirectory, path);
        }
    }

    private static KernelSpec Parse(JsonElement root, string resourceDirectory, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: expected a JSON object, found {root.ValueKind}");
        }

        if (!root.TryGetProperty("argv", out var argvElement) || argvElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: $.argv must be an array of strings");
        }

        var argv = new List<string>();
        foreach (var item in argvElement.EnumerateArray())
        {
            argv.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new InvalidDataException($"{path}: $.argv[{argv.Count}] must be a string, found {item.ValueKind}"));
        }

        if (argv.Count == 0)
        {
            throw new InvalidDataException($"{path}: $.argv is empty; a kernelspec needs a command to run");
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("env", out var envElement) && envElement.ValueKind != JsonValueKind.Null)
        {
            if (envElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: $.env must be an object of strings");
            }

            foreach (var variable in envElement.EnumerateObject())
            {
                env[variable.Name] = variable.Value.ValueKind == JsonValueKind.String
                    ? variable.Value.GetString()!
                    : throw new InvalidDataException($"{path}: $.env.{variable.Name} must be a string, found {variable.Value.ValueKind}");
            }
        }

        var metadata = root.TryGetProperty("metadata", out var m) && m.ValueKind != JsonValueKind.Null ? m : EmptyObject;
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: $.metadata must be an object");
        }

        return new KernelSpec
        {
            Name = Path.GetFileName(resourceDirectory.TrimEnd('/')).ToLowerInvariant(),
            ResourceDirectory = resourceDirectory,
            Argv = argv,
            DisplayName = OptionalString(root, "display_name", path) ?? string.Empty,
            Language = OptionalString(root, "language", path) ?? string.Empty,
            InterruptMode = ParseInterruptMode(OptionalString(root, "interrupt_mode", path), path),
            Env = env,
            Metadata = metadata.Clone(),
            KernelProtocolVersion = OptionalString(root, "kernel_protocol_version", path),
        };
    }

    // traitlets' CaselessStrEnum(["message", "signal"]).
    private static KernelInterruptMode ParseInterruptMode(string? value, string path) => value?.ToLowerInvariant() switch
    {
        null or "signal" => KernelInterruptMode.Signal,
        "message" => KernelInterruptMode.Message,
        _ => throw new InvalidDataException($"{path}: $.interrupt_mode must be \"signal\" or \"message\", found \"{value}\""),
    };

    private static string? OptionalString(JsonElement root, string property, string path)
    {
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw new InvalidDataException($"{path}: $.{property} must be a string, found {element.ValueKind}");
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    [GeneratedRegex("^[a-z0-9._-]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

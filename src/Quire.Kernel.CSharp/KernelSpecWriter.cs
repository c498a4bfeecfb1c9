using System.Text;
using System.Text.Json;

namespace Quire.Kernel.CSharp;

/// <summary>
/// Writes the C# kernel's kernelspec directory, as <c>jupyter kernelspec install</c> leaves one: <c>kernel.json</c>
/// and the logos. An existing directory of the same name is replaced, as jupyter_client does.
/// </summary>
public static class KernelSpecWriter
{
    public const string DefaultName = "csharp";

    public const string DefaultDisplayName = "C#";

    public const string KernelFileName = "kernel.json";

    /// <summary>The logo files, by the names Jupyter looks for.</summary>
    public static IReadOnlyList<string> LogoFileNames { get; } = ["logo-32x32.png", "logo-64x64.png"];

    /// <summary>Writes the spec into <paramref name="resourceDirectory"/> (created, or emptied of an older spec).</summary>
    public static async Task WriteAsync(string resourceDirectory, string displayName, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceDirectory);
        ArgumentNullException.ThrowIfNull(argv);
        if (Directory.Exists(resourceDirectory))
        {
            Directory.Delete(resourceDirectory, recursive: true);
        }

        Directory.CreateDirectory(resourceDirectory);
        foreach (var logo in LogoFileNames)
        {
            var stream = typeof(KernelSpecWriter).Assembly.GetManifestResourceStream($"Quire.Kernel.CSharp.{logo}")
                ?? throw new InvalidOperationException($"the kernel assembly lacks its embedded {logo}");
            await using (stream.ConfigureAwait(false))
            {
                await WriteFileAsync(Path.Combine(resourceDirectory, logo), stream, cancellationToken).ConfigureAwait(false);
            }
        }

        using var json = new MemoryStream(Encoding.UTF8.GetBytes(KernelJson(displayName, argv)));
        await WriteFileAsync(Path.Combine(resourceDirectory, KernelFileName), json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>kernel.json</c> text.</summary>
    public static string KernelJson(string displayName, IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("argv");
            foreach (var arg in argv)
            {
                writer.WriteStringValue(arg);
            }

            writer.WriteEndArray();
            writer.WriteString("display_name", displayName);
            writer.WriteString("language", "csharp");

            // Interrupts travel as messages: .NET has no safe SIGINT for a running cell, and messages cross machines.
            writer.WriteString("interrupt_mode", "message");
            writer.WriteStartObject("env");
            writer.WriteEndObject();
            writer.WriteStartObject("metadata");
            writer.WriteBoolean("debugger", false);
            writer.WriteString("kernel_protocol_version", "5.4");
            writer.WriteString("quire_version", typeof(KernelSpecWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    // A temporary file renamed over the target: a reader never sees half a kernel.json.
    private static async Task WriteFileAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temp, path, overwrite: true);
    }
}

using System.Text.Json;
using Quire.Kernels.KernelSpecs;
using Quire.Server.Hosting;

namespace Quire.Server.KernelSpecs;

/// <summary>
/// A kernelspec as <c>/api/kernelspecs</c> shows it: <c>{name, spec, resources}</c>, where <c>spec</c> is
/// jupyter_client's <c>KernelSpec.to_dict()</c> (argv, env, display_name, language, interrupt_mode, metadata) and
/// <c>resources</c> maps <c>kernel.js</c>, <c>kernel.css</c> and each <c>logo-*</c> file (keyed without extension) to
/// its <c>/kernelspecs/{name}/{file}</c> URL.
/// </summary>
internal static class KernelSpecModel
{
    public static void Write(Utf8JsonWriter writer, KernelSpec spec, QuireServerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", spec.Name);
        writer.WriteStartObject("spec");
        writer.WriteStartArray("argv");
        foreach (var arg in spec.Argv)
        {
            writer.WriteStringValue(arg);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("env");
        foreach (var (key, value) in spec.Env)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteString("display_name", spec.DisplayName);
        writer.WriteString("language", spec.Language);
        writer.WriteString("interrupt_mode", spec.InterruptMode == KernelInterruptMode.Message ? "message" : "signal");
        writer.WritePropertyName("metadata");
        spec.Metadata.WriteTo(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("resources");
        foreach (var (key, file) in Resources(spec.ResourceDirectory))
        {
            writer.WriteString(key, $"{options.BaseUrl}kernelspecs/{spec.Name}/{file}");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static List<(string Key, string File)> Resources(string directory)
    {
        var resources = new List<(string, string)>();
        foreach (var resource in (string[])["kernel.js", "kernel.css"])
        {
            if (File.Exists(Path.Combine(directory, resource)))
            {
                resources.Add((resource, resource));
            }
        }

        string[] logos;
        try
        {
            logos = Directory.Exists(directory) ? Directory.GetFiles(directory, "logo-*") : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logos = [];
        }

        foreach (var logo in logos.Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(logo);
            resources.Add((Path.GetFileNameWithoutExtension(file), file));
        }

        return resources;
    }
}

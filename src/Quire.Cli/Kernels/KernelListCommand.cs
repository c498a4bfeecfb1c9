using System.CommandLine;
using System.Text;
using System.Text.Json;
using Quire.Cli.Hosting;
using Quire.Kernels.KernelSpecs;

namespace Quire.Cli.Kernels;

/// <summary><c>quire kernel list</c>: every kernelspec Quire can see, like <c>jupyter kernelspec list</c>.</summary>
internal static class KernelListCommand
{
    public static Command Create(CliConsole console, Func<string, string?> getEnvironmentVariable)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON, in the shape of jupyter kernelspec list --json." };
        var command = new Command("list", "List the installed kernelspecs: name and directory, in Jupyter's search order. Broken ones are reported on standard error.")
        {
            json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = KernelSpecFinderOptions.FromEnvironment(getEnvironmentVariable, JupyterPaths.HomeDirectory(), JupyterPaths.DefaultPythonPrefix());
            var catalog = await new KernelSpecFinder(options).FindAllAsync(ct).ConfigureAwait(false);
            foreach (var problem in catalog.Problems)
            {
                await console.Error.WriteLineAsync($"quire kernel list: {problem.Path}: {problem.Message}").ConfigureAwait(false);
            }

            await console.Out.WriteAsync(parse.GetValue(json) ? Json(catalog) : Table(catalog)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Table(KernelSpecCatalog catalog)
    {
        if (catalog.Specs.Count == 0)
        {
            return "No kernelspecs found.\n";
        }

        var width = catalog.Specs.Keys.Max(k => k.Length);
        var text = new StringBuilder("Available kernels:\n");
        foreach (var spec in catalog.Specs.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            text.Append("  ").Append(spec.Name.PadRight(width)).Append("    ").Append(spec.ResourceDirectory).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(KernelSpecCatalog catalog)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("kernelspecs");
            foreach (var spec in catalog.Specs.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject(spec.Name);
                writer.WriteString("resource_dir", spec.ResourceDirectory);
                writer.WriteStartObject("spec");
                writer.WriteStartArray("argv");
                foreach (var arg in spec.Argv)
                {
                    writer.WriteStringValue(arg);
                }

                writer.WriteEndArray();
                writer.WriteString("display_name", spec.DisplayName);
                writer.WriteString("language", spec.Language);
                writer.WriteString("interrupt_mode", spec.InterruptMode == KernelInterruptMode.Message ? "message" : "signal");
                writer.WriteStartObject("env");
                foreach (var (key, value) in spec.Env)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
                writer.WritePropertyName("metadata");
                spec.Metadata.WriteTo(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

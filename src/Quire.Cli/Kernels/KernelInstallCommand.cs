using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Cli.Kernels.Install;
using Quire.Kernel.CSharp;
using Quire.Kernels.KernelSpecs;

namespace Quire.Cli.Kernels;

/// <summary>
/// <c>quire kernel install</c>: writes the C# kernel's kernelspec where <c>jupyter kernelspec install</c> would, so
/// stock Jupyter (JupyterLab, nbclient, jupyter console, VS Code) finds it.
/// </summary>
internal static class KernelInstallCommand
{
    public static Command Create(CliConsole console, Func<string, string?> getEnvironmentVariable)
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the Jupyter data directory's kernels/)." };
        var prefix = new Option<string>("--prefix")
        {
            Description = "Install under PREFIX/share/jupyter/kernels, for a Jupyter whose sys.prefix (or JUPYTER_PATH) is PREFIX.",
            HelpName = "PREFIX",
        };
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = $"Install under the prefix of {JupyterPaths.DefaultPythonInterpreter} (/usr/share/jupyter/kernels)." };
        var name = new Option<string>("--name") { Description = $"The kernelspec's name (default: {KernelSpecWriter.DefaultName}).", HelpName = "NAME" };
        var displayName = new Option<string>("--display-name") { Description = $"The name shown in menus (default: {KernelSpecWriter.DefaultDisplayName}).", HelpName = "TEXT" };
        var command = new Command("install", $"""
            Install the C# kernelspec. Without an option it goes to {JupyterPaths.SystemJupyterPath[0]}/kernels, for every
            user, as with jupyter kernelspec install. Exit 0, or 4 when the directory cannot be written.
            """)
        {
            user,
            prefix,
            sysPrefix,
            name,
            displayName,
        };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetResult(user), result.GetResult(prefix), result.GetResult(sysPrefix) }.Count(r => r is not null);
            if (chosen > 1)
            {
                result.AddError("--user, --prefix and --sys-prefix cannot be used together");
            }

            if (result.GetValue(name) is { } given && !IsValidName(given))
            {
                result.AddError($"invalid kernel name '{given}': use ASCII letters, digits and - . _");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var location = parse.GetValue(user) ? KernelSpecLocation.User
                : parse.GetValue(sysPrefix) ? KernelSpecLocation.SysPrefix
                : parse.GetValue(prefix) is not null ? KernelSpecLocation.Prefix
                : KernelSpecLocation.System;
            var request = new KernelInstallRequest(
                location,
                parse.GetValue(prefix),
                (parse.GetValue(name) ?? KernelSpecWriter.DefaultName).ToLowerInvariant(),
                parse.GetValue(displayName) ?? KernelSpecWriter.DefaultDisplayName);
            return KernelInstaller.InstallAsync(request, console, getEnvironmentVariable, ct);
        });
        return command;
    }

    // jupyter_client's _is_valid_kernel_name: ASCII letters, digits, '-', '.', '_'.
    private static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');
}

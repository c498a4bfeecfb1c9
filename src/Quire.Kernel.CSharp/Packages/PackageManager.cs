using System.Security;
using Microsoft.CodeAnalysis;
using Quire.Kernel.CSharp.Magics;
using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Packages;

/// <summary>
/// Carries out a cell's <c>#r "nuget: ..."</c> directives before it compiles. Every package asked for so far is a
/// PackageReference of one SDK project in this kernel's directory, restored by <c>dotnet restore</c> so that NuGet
/// resolves them together; the assemblies of the packages and their dependencies are then referenced by the cell
/// and the cells after it. Restores run one at a time.
/// </summary>
internal sealed class PackageManager : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<PackageReference> _restored = [];
    private readonly Dictionary<string, (Version Version, string Path)> _referenced = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _directory;
    private int _loadFiles;

    public PackageManager(string? directory = null) =>
        _directory = directory ?? Path.Combine(Path.GetTempPath(), "quire-csharp", $"packages-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public void Dispose() => _gate.Dispose();

    /// <summary>The target framework packages are restored for: the runtime's own (<c>net10.0</c>).</summary>
    public static string TargetFramework { get; } = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>
    /// The cell ready to compile: packages restored and referenced (through <paramref name="addReferences"/> when the
    /// engine gives it, else by a <c>#load</c> of a generated file of <c>#r</c> lines in place of the directive).
    /// </summary>
    public async Task<string> PrepareAsync(string code, KernelExecution execution, Action<IEnumerable<MetadataReference>>? addReferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(execution);
        var requested = CellDirectives.FindPackages(code);
        var replacement = string.Empty;
        if (requested.Count > 0)
        {
            var added = await RestoreAsync(requested, (line, ct) => execution.WriteStreamAsync("stderr", line + "\n", ct), cancellationToken).ConfigureAwait(false);
            if (added.Count > 0 && addReferences is not null)
            {
                addReferences([.. added.Select(p => MetadataReference.CreateFromFile(p))]);
            }
            else if (added.Count > 0)
            {
                replacement = "#load " + CellDirectives.Quote(await WriteLoadFileAsync(added, cancellationToken).ConfigureAwait(false));
            }
        }

        return CellDirectives.Rewrite(code, Environment.CurrentDirectory, replacement);
    }

    /// <summary>Restores <paramref name="requested"/> with the packages restored before; returns the assemblies new to cells.</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(IReadOnlyList<PackageReference> requested, Func<string, CancellationToken, ValueTask> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(progress);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var names = string.Join(", ", requested.Select(p => p.Display));
            var wanted = _restored.Where(p => !requested.Any(r => r.Id.Equals(p.Id, StringComparison.OrdinalIgnoreCase))).Concat(requested).ToList();
            await progress($"Restoring NuGet package{(requested.Count == 1 ? string.Empty : "s")} {names}", cancellationToken).ConfigureAwait(false);
            var assemblies = await RunRestoreAsync(wanted, names, progress, cancellationToken).ConfigureAwait(false);
            _restored.Clear();
            _restored.AddRange(wanted);

            var identities = assemblies
                .Select(path => (Path: path, Identity: KernelAssemblies.Identity(path)))
                .Where(a => a.Identity is { Name: not null, Version: not null })
                .Select(a => (a.Identity!.Name!, a.Identity.Version!, a.Path));
            var plan = ReferencePlan.Create(identities, KernelAssemblies.Snapshot(), _referenced);
            foreach (var warning in plan.Warnings)
            {
                await progress(warning, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (name, version, path) in plan.Add)
            {
                _referenced[name] = (version, path);
            }

            return [.. plan.Add.Select(a => a.Path)];
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<string>> RunRestoreAsync(List<PackageReference> packages, string names, Func<string, CancellationToken, ValueTask> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var project = Path.Combine(_directory, "packages.csproj");
        var assets = Path.Combine(_directory, "obj", "project.assets.json");
        await File.WriteAllTextAsync(project, ProjectXml(packages), cancellationToken).ConfigureAwait(false);
        if (File.Exists(assets))
        {
            File.Delete(assets);
        }

        (int ExitCode, IReadOnlyList<string> Output) run;
        try
        {
            run = await DotNetRestore.RunAsync(project, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CellDirectiveException("PackageRestoreError", $"could not restore {names}: cannot run {DotNetRestore.DotNetExecutable()} ({ex.Message})");
        }

        var (found, errors) = File.Exists(assets) ? AssetsFile.Read(assets, TargetFramework) : ([], []);
        if (run.ExitCode == 0 && errors.Count == 0)
        {
            return found;
        }

        var details = errors.Count > 0
            ? errors
            : [.. run.Output.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim())];
        var reason = details.Count > 0 ? string.Join("; ", details.Distinct()) : $"dotnet restore exited with code {run.ExitCode}";
        throw new CellDirectiveException("PackageRestoreError", $"could not restore NuGet package {names}: {reason}");
    }

    private async Task<string> WriteLoadFileAsync(IReadOnlyList<string> assemblies, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, $"references-{Interlocked.Increment(ref _loadFiles)}.csx");
        var lines = assemblies.Select(a => "#r " + CellDirectives.Quote(a));
        await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static string ProjectXml(IEnumerable<PackageReference> packages)
    {
        var references = string.Join("\n", packages.Select(p =>
            $"    <PackageReference Include=\"{SecurityElement.Escape(p.Id)}\" Version=\"{SecurityElement.Escape(p.Version ?? "*")}\" />"));

        // Only what NuGet needs to resolve packages for this runtime; nothing is ever built from this project.
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <DisableImplicitFrameworkReferences>false</DisableImplicitFrameworkReferences>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """;
    }
}

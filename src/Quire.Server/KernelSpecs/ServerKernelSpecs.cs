using Microsoft.Extensions.Logging;
using Quire.Kernel.CSharp;
using Quire.Kernels.KernelSpecs;

namespace Quire.Server.KernelSpecs;

/// <summary>
/// The kernelspecs the server offers: those on Jupyter's search path (ipykernel and any other installed kernel) and
/// Quire's C# kernel, which is always offered: when no <c>csharp</c> kernelspec is installed, one is synthesised in the
/// server's state directory for the <c>Quire.Kernel.CSharp.dll</c> shipped next to the server, run with the current
/// <c>dotnet</c>. Specs are read afresh on each call, as jupyter_client does, so newly installed kernels appear.
/// </summary>
internal sealed partial class ServerKernelSpecs : IDisposable
{
    public const string PythonKernelName = "python3";

    private readonly KernelSpecsOptions _options;
    private readonly ServerStateDirectory _state;
    private readonly ILogger<ServerKernelSpecs> _logger;
    private readonly KernelSpecFinder _finder;
    private readonly SemaphoreSlim _synthesis = new(1, 1);
    private bool _synthesised;

    public ServerKernelSpecs(KernelSpecsOptions options, ServerStateDirectory state, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        KernelSpecsOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _state = state;
        _logger = loggerFactory.CreateLogger<ServerKernelSpecs>();
        List<string> directories = [.. options.KernelDirectories ?? KernelSpecFinderOptions.FromEnvironment().KernelDirectories];
        if (options.OfferCSharpKernel)
        {
            // Last: an installed csharp kernelspec anywhere on the search path wins over the synthesised one.
            directories.Add(state.KernelSpecDirectory);
        }

        _finder = new KernelSpecFinder(
            new KernelSpecFinderOptions { KernelDirectories = directories, AllowedKernelSpecs = options.AllowedKernelSpecs },
            loggerFactory.CreateLogger<KernelSpecFinder>());
    }

    /// <summary>Every offered kernelspec by name, in name order.</summary>
    public async Task<IReadOnlyList<KernelSpec>> GetAllAsync(CancellationToken cancellationToken)
    {
        await EnsureCSharpSpecAsync(cancellationToken).ConfigureAwait(false);
        var catalog = await _finder.FindAllAsync(cancellationToken).ConfigureAwait(false);
        return [.. catalog.Specs.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>The kernelspec called <paramref name="name"/> (case-insensitive), or null when none is offered.</summary>
    public async Task<KernelSpec?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        await EnsureCSharpSpecAsync(cancellationToken).ConfigureAwait(false);
        return await _finder.FindAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The configured default, else <c>python3</c> when it is offered, else the C# kernel.</summary>
    public async Task<string> DefaultNameAsync(CancellationToken cancellationToken)
    {
        if (_options.DefaultKernelName is { } configured)
        {
            return configured;
        }

        return await FindSafelyAsync(PythonKernelName, cancellationToken).ConfigureAwait(false) is not null || !_options.OfferCSharpKernel
            ? PythonKernelName
            : KernelSpecWriter.DefaultName;
    }

    private async Task<KernelSpec?> FindSafelyAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await FindAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private async Task EnsureCSharpSpecAsync(CancellationToken cancellationToken)
    {
        if (!_options.OfferCSharpKernel || Volatile.Read(ref _synthesised))
        {
            return;
        }

        await _synthesis.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_synthesised)
            {
                return;
            }

            var kernelAssembly = KernelSpecLaunch.KernelAssemblyPath;
            if (File.Exists(kernelAssembly))
            {
                var directory = Path.Combine(_state.KernelSpecDirectory, KernelSpecWriter.DefaultName);
                await CSharpKernelSpec.WriteAsync(directory, cancellationToken).ConfigureAwait(false);
                LogSynthesised(_logger, directory, kernelAssembly);
            }
            else
            {
                LogNoCSharpKernel(_logger, kernelAssembly);
            }

            Volatile.Write(ref _synthesised, true);
        }
        finally
        {
            _synthesis.Release();
        }
    }

    public void Dispose() => _synthesis.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Offering Quire's C# kernel ({Assembly}) through the kernelspec {Directory}")]
    private static partial void LogSynthesised(ILogger logger, string directory, string assembly);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quire's C# kernel is not offered: {Assembly} is missing")]
    private static partial void LogNoCSharpKernel(ILogger logger, string assembly);
}

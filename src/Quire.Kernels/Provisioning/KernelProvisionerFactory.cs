using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Quire.Kernels.KernelSpecs;

namespace Quire.Kernels.Provisioning;

/// <summary>
/// Picks a kernel's provisioner by name, as jupyter_client's <c>KernelProvisionerFactory</c> does from kernel.json
/// <c>metadata.kernel_provisioner.provisioner_name</c> (default <see cref="DefaultProvisionerName"/>). Back-ends register
/// a name and a constructor here; nothing else changes to add Slurm or Kubernetes.
/// </summary>
public sealed class KernelProvisionerFactory
{
    public const string DefaultProvisionerName = LocalProcessProvisioner.ProvisionerName;

    private readonly ConcurrentDictionary<string, Func<KernelSpec, IKernelProvisioner>> _registrations = new(StringComparer.Ordinal);

    public KernelProvisionerFactory(string defaultProvisionerName = DefaultProvisionerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(defaultProvisionerName);
        DefaultName = defaultProvisionerName;
    }

    /// <summary>Used for specs that name no provisioner (jupyter_client: <c>$JUPYTER_DEFAULT_PROVISIONER_NAME</c>).</summary>
    public string DefaultName { get; }

    public IReadOnlyCollection<string> RegisteredNames => [.. _registrations.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A factory with <see cref="LocalProcessProvisioner"/> registered under its name.</summary>
    public static KernelProvisionerFactory CreateDefault(
        LocalProvisionerOptions? localOptions = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var factory = new KernelProvisionerFactory();
        factory.Register(LocalProcessProvisioner.ProvisionerName, _ =>
            new LocalProcessProvisioner(localOptions, loggerFactory?.CreateLogger<LocalProcessProvisioner>(), timeProvider));
        return factory;
    }

    /// <summary>Registers (or replaces) the provisioner called <paramref name="name"/>.</summary>
    public void Register(string name, Func<KernelSpec, IKernelProvisioner> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(create);
        _registrations[name] = create;
    }

    /// <summary>The provisioner name <paramref name="spec"/> asks for, or <see cref="DefaultName"/>.</summary>
    public string ProvisionerNameFor(KernelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.ProvisionerName ?? DefaultName;
    }

    /// <summary>jupyter_client's <c>is_provisioner_available</c>: a spec naming an unregistered provisioner is not offered.</summary>
    public bool IsAvailable(KernelSpec spec) => _registrations.ContainsKey(ProvisionerNameFor(spec));

    /// <summary>A new provisioner for one kernel of <paramref name="spec"/>.</summary>
    /// <exception cref="InvalidOperationException">The spec's provisioner is not registered.</exception>
    public IKernelProvisioner Create(KernelSpec spec)
    {
        var name = ProvisionerNameFor(spec);
        return _registrations.TryGetValue(name, out var create)
            ? create(spec)
            : throw new InvalidOperationException(
                $"kernelspec {spec.Name} ({spec.ResourceDirectory}) asks for kernel provisioner '{name}', which is not registered " +
                $"(registered: {string.Join(", ", RegisteredNames)})");
    }
}

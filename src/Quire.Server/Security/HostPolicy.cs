using System.Net;
using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// The DNS-rebinding defence (jupyter_server's <c>check_host</c>): a web page whose own name an attacker points at
/// 127.0.0.1 sends that name as Host, so a Host must be a loopback address, <c>localhost</c> (or a
/// <c>*.localhost</c> name, which browsers resolve locally), one of <see cref="QuireServerOptions.LocalHostnames"/>,
/// or, when the server listens beyond loopback, an IP address or this machine's own name. IP addresses cannot be
/// rebound, so they are safe; any other name needs <see cref="QuireServerOptions.AllowRemoteAccess"/>.
/// </summary>
internal sealed class HostPolicy
{
    private readonly bool _allowAll;
    private readonly bool _loopbackOnly;
    private readonly HashSet<string> _names;

    public HostPolicy(QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowAll = options.AllowRemoteAccess;
        _loopbackOnly = options.Ip == "localhost" || (IPAddress.TryParse(options.Ip, out var bound) && IPAddress.IsLoopback(bound));
        _names = new HashSet<string>(options.LocalHostnames.Select(Normalize), StringComparer.OrdinalIgnoreCase) { "localhost" };
        if (!_loopbackOnly)
        {
            _names.Add(Normalize(Dns.GetHostName()));
        }
    }

    public bool IsAllowed(HostString host)
    {
        if (_allowAll || !host.HasValue)
        {
            // No Host at all is an HTTP/1.0 script, not a browser: jupyter_server lets it through too.
            return true;
        }

        var name = host.Host;
        if (name.Length > 2 && name[0] == '[' && name[^1] == ']')
        {
            name = name[1..^1];
        }

        if (IPAddress.TryParse(name, out var address))
        {
            return IsLoopback(address) || !_loopbackOnly;
        }

        name = Normalize(name);
        return _names.Contains(name) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4()));

    // "localhost." is the same name as "localhost".
    private static string Normalize(string name) => name.TrimEnd('.');
}

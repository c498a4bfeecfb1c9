namespace Quire.Server.Hosting;

/// <summary>Checks <see cref="QuireServerOptions"/> at start: one line per bad setting, naming it as the command line does.</summary>
public static class QuireServerOptionsValidator
{
    public static IReadOnlyList<string> Validate(QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RootDirectory))
        {
            errors.Add("--root must name a directory");
        }
        else if (!Directory.Exists(options.RootDirectory))
        {
            errors.Add($"--root: no such directory: {options.RootDirectory}");
        }

        if (!System.Net.IPAddress.TryParse(options.Ip, out _) && options.Ip is not ("localhost" or "*"))
        {
            errors.Add($"--ip must be an IP address, 'localhost' or '*' (was '{options.Ip}')");
        }

        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"--port must be between 0 and 65535 (was {options.Port})");
        }

        if (!options.BaseUrl.StartsWith('/') || !options.BaseUrl.EndsWith('/'))
        {
            errors.Add($"--base-url must start and end with '/' (was '{options.BaseUrl}')");
        }

        if (options.Token is { Length: 0 } && string.IsNullOrEmpty(options.PasswordHash))
        {
            errors.Add("--token may only be empty when a password is set: the server would be open to anyone");
        }

        if (!string.IsNullOrEmpty(options.PasswordHash) && Security.Passwords.PasswordHash.Problem(options.PasswordHash) is { } problem)
        {
            errors.Add($"--password-hash: {problem}");
        }

        if (options.MaxBodySize <= 0)
        {
            errors.Add($"--max-body-size must be positive (was {options.MaxBodySize})");
        }

        if (options.AllowOrigin is { Length: > 0 } origin && origin != "*" && !IsOrigin(origin))
        {
            errors.Add($"--allow-origin must be '*' or an origin such as https://example.com:8443 (was '{origin}')");
        }

        if (options.LocalHostnames.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("--local-hostname must not be empty");
        }

        return errors;
    }

    // An origin is scheme://host[:port] and nothing else: a path or a trailing slash would never match a browser's Origin.
    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), value, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">A setting is invalid; the message names each one.</exception>
    public static void ThrowIfInvalid(QuireServerOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid settings: " + string.Join("; ", errors), nameof(options));
        }
    }
}

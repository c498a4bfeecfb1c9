namespace Quire.Server.Hosting;

/// <summary>
/// What <c>quire serve</c> is started with. Names follow jupyter_server's settings where one exists (in brackets), so
/// that a Jupyter user finds them.
/// </summary>
public sealed record QuireServerOptions
{
    /// <summary>The directory served through the contents API [root_dir]; nothing outside it is reachable.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The address to listen on [ip]; loopback unless asked otherwise.</summary>
    public string Ip { get; init; } = "127.0.0.1";

    /// <summary>The port [port]; 0 picks a free one (tests, benchmarks).</summary>
    public int Port { get; init; } = 8888;

    /// <summary>The URL prefix every route lives under [base_url]; starts and ends with '/'.</summary>
    public string BaseUrl { get; init; } = "/";

    /// <summary>
    /// The token clients present [IdentityProvider.token]; null generates a fresh one at start, empty disables token
    /// authentication (only allowed together with a password).
    /// </summary>
    public string? Token { get; init; }

    /// <summary>A password hash (<c>argon2:…</c> or <c>pbkdf2:…</c>) enabling password login [PasswordIdentityProvider.hashed_password].</summary>
    public string? PasswordHash { get; init; }

    /// <summary>Whether hidden files and directories (dot-names) are served [ContentsManager.allow_hidden].</summary>
    public bool AllowHidden { get; init; }

    /// <summary>The largest request body accepted, in bytes [max_body_size]; beyond it the answer is 413.</summary>
    public long MaxBodySize { get; init; } = 512L * 1024 * 1024;

    /// <summary>An origin allowed besides the server's own [allow_origin]; "*" allows any.</summary>
    public string AllowOrigin { get; init; } = string.Empty;

    /// <summary>Where the server keeps its own state (runtime files of kernels, databases); a temp folder when null.</summary>
    public string? DataDirectory { get; init; }
}

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

    /// <summary>
    /// Accept any Host header [allow_remote_access]. Off by default: a Host that is neither a loopback name or address,
    /// one of <see cref="LocalHostnames"/>, nor this machine's own name or address is refused (DNS rebinding).
    /// </summary>
    public bool AllowRemoteAccess { get; init; }

    /// <summary>Host names accepted besides loopback ones and this machine's own [local_hostnames].</summary>
    public IReadOnlyList<string> LocalHostnames { get; init; } = ["localhost"];

    /// <summary>
    /// Serve files reached through symbolic links that lead outside the root. Off by default (jupyter_server follows
    /// them): a link would otherwise hand out any file the server's user can read.
    /// </summary>
    public bool FollowSymlinksOutsideRoot { get; init; }

    /// <summary>
    /// Delete non-empty directories [FileContentsManager.always_delete_dir]. Off by default: Quire has no trash to move
    /// them to, and jupyter_server refuses to delete a non-empty directory for good.
    /// </summary>
    public bool AlwaysDeleteDirectories { get; init; }

    /// <summary>Where the server keeps its own state (runtime files of kernels, databases); a temp folder when null.</summary>
    public string? DataDirectory { get; init; }
}

namespace Quire.Server.Security;

/// <summary>
/// The claims an authenticated request carries: jupyter_server's <c>User</c> fields under their own names (what
/// <c>/api/me</c> reports), and how the request was authenticated.
/// </summary>
public static class QuireClaims
{
    public const string Username = "username";
    public const string Name = "name";
    public const string DisplayName = "display_name";
    public const string Initials = "initials";
    public const string AvatarUrl = "avatar_url";
    public const string Color = "color";

    /// <summary><see cref="TokenMethod"/> or <see cref="CookieMethod"/>.</summary>
    public const string AuthenticationMethod = "quire_auth_method";

    /// <summary>The request presented the server's token: no XSRF or Origin check applies (as jupyter_server).</summary>
    public const string TokenMethod = "token";

    /// <summary>The request presented a login cookie: unsafe methods need the XSRF token, cross-origin is refused.</summary>
    public const string CookieMethod = "cookie";

    /// <summary>The authentication scheme's name.</summary>
    public const string Scheme = "Quire";
}

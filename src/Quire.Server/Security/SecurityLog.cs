using Microsoft.Extensions.Logging;

namespace Quire.Server.Security;

/// <summary>
/// Log messages of the security layer. None carries a token, a password, a cookie value or a query string; values a
/// client chose (Host, Origin) are cut short so that a huge header cannot flood the log.
/// </summary>
internal static partial class SecurityLog
{
    [LoggerMessage(100, LogLevel.Warning, "Blocking request with non-local Host '{Host}': set --allow-remote-access or --local-hostname to accept it")]
    public static partial void HostRefused(ILogger logger, string host);

    [LoggerMessage(101, LogLevel.Warning, "Blocking cross-origin request for {Path} from Origin '{Origin}'")]
    public static partial void OriginRefused(ILogger logger, string path, string origin);

    [LoggerMessage(102, LogLevel.Warning, "Blocking {Method} {Path}: {Reason}")]
    public static partial void XsrfRefused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(103, LogLevel.Information, "Rejected an invalid token for {Method} {Path}")]
    public static partial void TokenRejected(ILogger logger, string method, string path);

    [LoggerMessage(104, LogLevel.Information, "Clearing an invalid or expired login cookie")]
    public static partial void InvalidLoginCookie(ILogger logger);

    [LoggerMessage(105, LogLevel.Error, "Refusing endpoint '{Endpoint}': it declares no access requirement (RequireAccess) and is not marked AllowAnonymous")]
    public static partial void EndpointWithoutRequirement(ILogger logger, string endpoint);

    [LoggerMessage(106, LogLevel.Information, "User {User} logged in")]
    public static partial void LoggedIn(ILogger logger, string user);

    [LoggerMessage(107, LogLevel.Warning, "Failed login attempt from {RemoteAddress}")]
    public static partial void LoginFailed(ILogger logger, string remoteAddress);

    [LoggerMessage(108, LogLevel.Warning, "Not redirecting a login to '{Next}': it leaves this server")]
    public static partial void UnsafeRedirect(ILogger logger, string next);

    [LoggerMessage(109, LogLevel.Warning, "Content security policy violation: {Directive} blocked {Blocked}")]
    public static partial void CspViolation(ILogger logger, string directive, string blocked);

    /// <summary>A client-chosen value, cut to a length a log line can carry.</summary>
    public static string Clip(string? value) =>
        value is null ? string.Empty : value.Length <= 100 ? value : string.Concat(value.AsSpan(0, 99), "…");
}

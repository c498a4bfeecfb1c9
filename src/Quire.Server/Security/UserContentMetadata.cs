namespace Quire.Server.Security;

/// <summary>
/// Marks an endpoint that serves users' files as they are (<c>/files</c>): its responses get CSP <c>sandbox</c>, so
/// that an HTML or SVG file's scripts run in an opaque origin without access to the API (CVE-2018-21030), and a
/// cookie-authenticated GET must come from a page of this server (XSSI, CVE-2019-9644 and CVE-2023-40170).
/// </summary>
internal sealed class UserContentMetadata
{
    public static UserContentMetadata Instance { get; } = new();
}

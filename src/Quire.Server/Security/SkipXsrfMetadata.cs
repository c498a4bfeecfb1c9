namespace Quire.Server.Security;

/// <summary>
/// Marks an endpoint that browsers call without scripts and so without the XSRF header (CSP violation reports); it
/// must change nothing that matters.
/// </summary>
internal sealed class SkipXsrfMetadata
{
    public static SkipXsrfMetadata Instance { get; } = new();
}

using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Security;

/// <summary>
/// jupyter_server's Content-Security-Policy: pages may be framed by this server only; API responses may load
/// nothing (<c>default-src 'none'</c>); users' raw files run sandboxed (<c>sandbox allow-scripts</c>).
/// </summary>
internal static class ContentSecurityPolicy
{
    public static string For(HttpContext context, QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var policy = $"frame-ancestors 'self'; report-uri {options.BaseUrl}{CspReportEndpoint.Route}";
        if (context.GetEndpoint()?.Metadata.GetMetadata<UserContentMetadata>() is not null)
        {
            return policy + "; sandbox allow-scripts";
        }

        return RequestKinds.IsApi(context.Request, options) ? policy + "; default-src 'none'" : policy;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Security;

/// <summary>
/// <c>POST /api/security/csp-report</c>, where browsers report what the Content-Security-Policy blocked (jupyter_server's
/// CSPReportHandler). Browsers send these without scripts, hence without the XSRF header; only the directive and the
/// blocked URL's origin are logged, never a full URL (it could carry a token).
/// </summary>
internal static class CspReportEndpoint
{
    public const string Route = "api/security/csp-report";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, (RequestDelegate)ReportAsync).RequireAccess("csp", AccessAction.Write).SkipsXsrfCheck();
    }

    private static async Task ReportAsync(HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CspReportEndpoint));
        var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var report = (body as JObject)?.GetObject("csp-report");
        var directive = report?.GetString("violated-directive") ?? report?.GetString("effective-directive") ?? "unknown";
        var blocked = report?.GetString("blocked-uri") is { } uri ? OriginPolicy.SchemeAndAuthority(uri) ?? uri.Split(':')[0] : "unknown";
        SecurityLog.CspViolation(logger, SecurityLog.Clip(directive), SecurityLog.Clip(blocked));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}

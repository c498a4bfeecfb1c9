using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quire.Server.Security;

namespace Quire.Server.Ui;

/// <summary>
/// The notebook UI built from <c>web/</c>: <c>/</c> → <c>/tree/</c>, the app at <c>/tree/{path}</c> and
/// <c>/notebooks/{path}</c> (the addresses Jupyter Notebook 7 uses), its hashed files under <c>/static/</c>, and the
/// sandboxed page in which trusted outputs' scripts run (<see cref="OutputFrame"/>).
/// </summary>
public static class UiFeature
{
    /// <summary>The folder, beside the server's assembly, that the web build writes to.</summary>
    public const string AssetFolder = "wwwroot";

    public static IEndpointRouteBuilder MapQuireUi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var assets = new UiAssets(Path.Combine(AppContext.BaseDirectory, AssetFolder));

        // Anonymous: these redirect or serve the public bundle only; the pages themselves need a login.
        endpoints.MapGet("/", (RequestDelegate)UiEndpoints.RedirectToTree).AllowAnonymous();
        endpoints.MapMethods("/static/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => UiEndpoints.ServeAssetAsync(context, assets))
            .AllowAnonymous();
        endpoints.MapGet(OutputFrame.Route, (RequestDelegate)OutputFrame.ServeAsync).AllowAnonymous();
        foreach (var page in (string[])["/tree/{**path}", "/notebooks/{**path}", "/edit/{**path}"])
        {
            endpoints.MapGet(page, (HttpContext context) => UiEndpoints.ServePageAsync(context, assets)).RequireAccess("contents", AccessAction.Read);
        }

        return endpoints;
    }
}

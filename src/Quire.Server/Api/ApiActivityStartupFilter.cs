using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Quire.Server.Hosting;

namespace Quire.Server.Api;

/// <summary>
/// Records API activity for <c>/api/status</c> as jupyter_server's <c>APIHandler.prepare</c> does: every request
/// under <c>/api/</c> counts except the two that monitors poll (<c>/api</c> and <c>/api/status</c>), so that polling
/// the status never keeps an idle server alive.
/// </summary>
internal sealed class ApiActivityStartupFilter(ServerActivity activity, QuireServerOptions options) : IStartupFilter
{
    private readonly PathString _api = new(options.BaseUrl + "api");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context).ConfigureAwait(false);

            // Counted once answered, and only when served: refused requests (no token) must not keep an idle server up.
            if (context.Response.StatusCode < 400
                && context.Request.Path.StartsWithSegments(_api, out var rest) && rest.HasValue && rest.Value != "/" && rest.Value != "/status")
            {
                activity.ApiRequest();
            }
        });
        next(app);
    };
}

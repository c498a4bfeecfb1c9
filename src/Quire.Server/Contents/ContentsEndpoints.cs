using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quire.Notebook.Json;
using Quire.Server.Hosting;
using Quire.Server.Http;
using Quire.Server.Security;

namespace Quire.Server.Contents;

/// <summary>
/// The thin HTTP layer of <c>/api/contents</c>: parse, call the <see cref="ContentsManager"/>, answer with
/// jupyter_server's statuses (200, 201 + Location on create, 204 on delete and restore).
/// </summary>
internal static class ContentsEndpoints
{
    private const string Resource = "contents";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var pattern in new[] { "api/contents", "api/contents/{**path}" })
        {
            endpoints.MapGet(pattern, (RequestDelegate)GetAsync).RequireAccess(Resource, AccessAction.Read);
            endpoints.MapPost(pattern, (RequestDelegate)PostAsync).RequireAccess(Resource, AccessAction.Write);
            endpoints.MapPut(pattern, (RequestDelegate)PutAsync).RequireAccess(Resource, AccessAction.Write);
            endpoints.MapPatch(pattern, (RequestDelegate)PatchAsync).RequireAccess(Resource, AccessAction.Write);
            endpoints.MapDelete(pattern, (RequestDelegate)DeleteAsync).RequireAccess(Resource, AccessAction.Write);
        }

        // Deprecated since notebook 4: a redirect that reveals nothing, so anonymous as in jupyter_server 2.
        endpoints.MapMethods("api/notebooks/{**path}", ["GET", "PUT", "PATCH", "POST", "DELETE"], (RequestDelegate)RedirectAsync).AllowAnonymous();
    }

    private static ContentsManager Manager(HttpContext context) => context.RequestServices.GetRequiredService<ContentsManager>();

    private static string RoutePath(HttpContext context) => ContentsRoute.Normalize(context.Request.RouteValues["path"] as string);

    private static async Task GetAsync(HttpContext context)
    {
        var path = RoutePath(context);
        if (ContentsRoute.TryCheckpoints(path, out var file))
        {
            var list = Manager(context).ListCheckpoints(file);
            await ContentsResponses.JsonAsync(context, StatusCodes.Status200OK, new JArray(list)).ConfigureAwait(false);
            return;
        }

        var query = ContentsQuery.From(context.Request.Query);
        var model = await Manager(context).GetAsync(path, query.Type, query.Format, query.Content, query.Hash, context.RequestAborted).ConfigureAwait(false);
        await ContentsResponses.ModelAsync(context, StatusCodes.Status200OK, model, location: false).ConfigureAwait(false);
    }

    private static async Task PostAsync(HttpContext context)
    {
        var path = RoutePath(context);
        var manager = Manager(context);
        var ct = context.RequestAborted;
        if (ContentsRoute.TryTrust(path, out var notebook))
        {
            await manager.TrustAsync(notebook, ct).ConfigureAwait(false);
            await ContentsResponses.NoContent(context, StatusCodes.Status201Created).ConfigureAwait(false);
            return;
        }

        if (ContentsRoute.TryCheckpoints(path, out var file))
        {
            var checkpoint = await manager.CreateCheckpointAsync(file, ct).ConfigureAwait(false);
            var resolved = manager.Root.Resolve(file);
            context.Response.Headers.Location = ContentsResponses.Location(context, resolved.ApiPath, $"/checkpoints/{Uri.EscapeDataString(checkpoint.GetString("id")!)}");
            await ContentsResponses.JsonAsync(context, StatusCodes.Status201Created, checkpoint).ConfigureAwait(false);
            return;
        }

        if (ContentsRoute.TryCheckpoint(path, out file, out var id))
        {
            await manager.RestoreCheckpointAsync(file, id, ct).ConfigureAwait(false);
            await ContentsResponses.NoContent(context).ConfigureAwait(false);
            return;
        }

        var body = await JsonBody.ReadObjectAsync(context.Request, ct).ConfigureAwait(false);
        var model = await manager.PostAsync(path, body, ct).ConfigureAwait(false);
        await ContentsResponses.ModelAsync(context, StatusCodes.Status201Created, model, location: true).ConfigureAwait(false);
    }

    private static async Task PutAsync(HttpContext context)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var (model, created) = await Manager(context).PutAsync(RoutePath(context), body, context.RequestAborted).ConfigureAwait(false);
        await ContentsResponses.ModelAsync(context, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, model, location: true).ConfigureAwait(false);
    }

    private static async Task PatchAsync(HttpContext context)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var model = await Manager(context).RenameAsync(RoutePath(context), body, context.RequestAborted).ConfigureAwait(false);
        await ContentsResponses.ModelAsync(context, StatusCodes.Status200OK, model, location: true).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(HttpContext context)
    {
        var path = RoutePath(context);
        if (ContentsRoute.TryCheckpoint(path, out var file, out var id))
        {
            await Manager(context).DeleteCheckpointAsync(file, id, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await Manager(context).DeleteAsync(path, context.RequestAborted).ConfigureAwait(false);
        }

        await ContentsResponses.NoContent(context).ConfigureAwait(false);
    }

    private static Task RedirectAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<QuireServerOptions>();
        var path = RoutePath(context);
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        context.Response.Redirect($"{options.BaseUrl}api/contents/{escaped}");
        return Task.CompletedTask;
    }
}

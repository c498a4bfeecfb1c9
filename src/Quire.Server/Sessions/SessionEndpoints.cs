using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Quire.Server.Api;
using Quire.Server.Hosting;
using Quire.Server.Http;
using Quire.Server.Kernels;

namespace Quire.Server.Sessions;

/// <summary>The handlers behind <c>/api/sessions</c>, with jupyter_server's checks and messages.</summary>
internal static class SessionEndpoints
{
    public static Task ListAsync(HttpContext context, SessionManager sessions, KernelRegistry kernels)
    {
        var all = sessions.List().Where(s => kernels.TryGet(s.KernelId, out _)).ToList();
        return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartArray();
            all.ForEach(s => WriteModel(w, s, kernels));
            w.WriteEndArray();
        }, context.RequestAborted);
    }

    public static Task GetAsync(HttpContext context, string sessionId, SessionManager sessions, KernelRegistry kernels)
    {
        var session = sessions.Get(sessionId);
        return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => WriteModel(w, session, kernels), context.RequestAborted);
    }

    /// <summary>Body <c>{path, type, name?, kernel?: {name?, id?}}</c> (or the old <c>{notebook: {path}}</c>).</summary>
    public static async Task CreateAsync(HttpContext context, SessionManager sessions, KernelRegistry kernels, QuireServerOptions options)
    {
        using var body = await ApiJson.ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false)
            ?? throw ApiException.BadRequest("No JSON data provided");
        var model = body.RootElement;
        var legacy = model.ValueKind == JsonValueKind.Object && model.TryGetProperty("notebook", out var notebook) ? notebook : default;
        var path = ApiJson.GetString(model, "path") ?? ApiJson.GetString(legacy, "name") ?? ApiJson.GetString(legacy, "path")
            ?? throw ApiException.BadRequest("Missing field in JSON data: path");
        var type = ApiJson.GetString(model, "type") ?? (legacy.ValueKind == JsonValueKind.Object ? "notebook" : null)
            ?? throw ApiException.BadRequest("Missing field in JSON data: type");
        var kernel = model.TryGetProperty("kernel", out var k) ? k : default;
        SessionRecord session;
        try
        {
            session = await sessions.GetOrCreateAsync(
                path, ApiJson.GetString(model, "name"), type, ApiJson.GetString(kernel, "name"), ApiJson.GetString(kernel, "id"), context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (SessionKernelUnavailableException ex)
        {
            await WriteUnavailableAsync(context, ex).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.Location = $"{options.BaseUrl}api/sessions/{session.Id}";
        await ApiJson.WriteAsync(context, StatusCodes.Status201Created, w => WriteModel(w, session, kernels), context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task UpdateAsync(HttpContext context, string sessionId, SessionManager sessions, KernelRegistry kernels)
    {
        using var body = await ApiJson.ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false)
            ?? throw ApiException.BadRequest("No JSON data provided");
        var model = body.RootElement;
        _ = sessions.Get(sessionId);
        var legacy = model.ValueKind == JsonValueKind.Object && model.TryGetProperty("notebook", out var notebook) ? notebook : default;
        var path = ApiJson.GetString(model, "path") ?? ApiJson.GetString(legacy, "path");
        var type = ApiJson.GetString(model, "type") ?? (ApiJson.GetString(legacy, "path") is not null ? "notebook" : null);
        var kernel = model.ValueKind == JsonValueKind.Object && model.TryGetProperty("kernel", out var k) ? k : default;
        SessionRecord session;
        try
        {
            session = await sessions.UpdateAsync(
                sessionId,
                path,
                ApiJson.GetString(model, "name"),
                ApiJson.Has(model, "name"),
                type,
                ApiJson.GetString(kernel, "id"),
                ApiJson.GetString(kernel, "name"),
                context.RequestAborted).ConfigureAwait(false);
        }
        catch (SessionKernelUnavailableException ex)
        {
            await WriteUnavailableAsync(context, ex).ConfigureAwait(false);
            return;
        }

        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => WriteModel(w, session, kernels), context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task DeleteAsync(HttpContext context, string sessionId, SessionManager sessions)
    {
        await sessions.DeleteAsync(sessionId, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>jupyter_server's session model: id, path, name, type, kernel, and for notebooks the old <c>notebook</c> key.</summary>
    public static void WriteModel(Utf8JsonWriter writer, SessionRecord session, KernelRegistry kernels)
    {
        writer.WriteStartObject();
        writer.WriteString("id", session.Id);
        writer.WriteString("path", session.Path);
        WriteNullable(writer, "name", session.Name);
        writer.WriteString("type", session.Type);
        writer.WritePropertyName("kernel");
        if (kernels.TryGet(session.KernelId, out var kernel))
        {
            kernel.WriteModel(writer);
        }
        else
        {
            writer.WriteNullValue();
        }

        if (session.Type == "notebook")
        {
            writer.WriteStartObject("notebook");
            writer.WriteString("path", session.Path);
            WriteNullable(writer, "name", session.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // 501 with {message, short_message}: the one place jupyter_server leaves its usual error body.
    private static Task WriteUnavailableAsync(HttpContext context, SessionKernelUnavailableException ex) =>
        ApiJson.WriteAsync(context, StatusCodes.Status501NotImplemented, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", ex.Message);
            w.WriteString("short_message", ex.ShortMessage);
            w.WriteEndObject();
        }, context.RequestAborted);

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}

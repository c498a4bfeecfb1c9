using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Quire.Server.Http;
using Quire.Server.Kernels;

namespace Quire.Server.Api;

/// <summary>The handlers behind <c>/api</c>, <c>/api/status</c> and <c>/api/me</c>.</summary>
internal static class ApiEndpoints
{
    /// <summary>
    /// The Jupyter Server version Quire's API corresponds to; clients (JupyterLab, VS Code) compare it to decide which
    /// features to use, so it names the jupyter_server 2.x API rather than Quire's own version.
    /// </summary>
    public const string CompatibleVersion = "2.14.0";

    public static Task VersionAsync(HttpContext context) =>
        ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("version", CompatibleVersion);
            w.WriteEndObject();
        }, context.RequestAborted);

    public static Task StatusAsync(HttpContext context, ServerActivity activity, KernelRegistry kernels)
    {
        var (count, connections) = kernels.Counts();
        return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            // Sorted keys, as jupyter_server writes this one.
            w.WriteStartObject();
            w.WriteNumber("connections", connections);
            w.WriteNumber("kernels", count);
            w.WriteString("last_activity", JupyterTimestamp.Iso(activity.LastActivity));
            w.WriteString("started", JupyterTimestamp.Iso(activity.Started));
            w.WriteEndObject();
        }, context.RequestAborted);
    }

    public static Task IdentityAsync(HttpContext context, PermissionChecker checker)
    {
        var requested = context.Request.Query["permissions"].ToString();
        var permissions = new List<(string Resource, List<string> Allowed)>();
        if (requested.Length > 0)
        {
            foreach (var (resource, actions) in ParsePermissions(requested))
            {
                var allowed = new List<string>();
                foreach (var action in actions)
                {
                    if (checker.IsAllowed(context.User, resource, action))
                    {
                        allowed.Add(action);
                    }
                }

                permissions.Add((resource, allowed));
            }
        }

        return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("identity");
            IdentityModel.Write(w, context.User);
            w.WriteStartObject("permissions");
            foreach (var (resource, allowed) in permissions)
            {
                w.WriteStartArray(resource);
                allowed.ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }, context.RequestAborted);
    }

    // {"resource": ["action", ...]}; anything else is refused with jupyter_server's message.
    private static List<(string Resource, List<string> Actions)> ParsePermissions(string json)
    {
        var problem = $"permissions should be a JSON dict of {{\"resource\": [\"action\",]}}, got {PythonRepr(json)}";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw Http.ApiException.BadRequest(problem);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Http.ApiException.BadRequest(problem);
            }

            var result = new List<(string, List<string>)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
                {
                    throw Http.ApiException.BadRequest(problem);
                }

                result.Add((property.Name, [.. property.Value.EnumerateArray().Select(a => a.GetString()!)]));
            }

            return result;
        }
    }

    private static string PythonRepr(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}

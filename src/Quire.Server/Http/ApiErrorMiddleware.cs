using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Quire.Server.Http;

/// <summary>
/// Turns <see cref="ApiException"/> into its status and body, bad JSON into 400, an oversize body into 413, and
/// anything else into a 500 whose body says nothing about the failure (the log does).
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            await ApiError.WriteAsync(context, ex.StatusCode, ex.Message, ex.Reason, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own refusals: 413 for a body over the limit, 400 for a malformed request.
            await ApiError.WriteAsync(context, ex.StatusCode, ex.Message, null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            await ApiError.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid JSON in body of request", null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ServerLog.UnhandledRequestError(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, ex);
            await ApiError.WriteAsync(context, StatusCodes.Status500InternalServerError, "Unhandled error", null, context.RequestAborted).ConfigureAwait(false);
        }
    }
}

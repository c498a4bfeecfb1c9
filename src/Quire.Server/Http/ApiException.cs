namespace Quire.Server.Http;

/// <summary>
/// A request that cannot be served, as jupyter_server's <c>web.HTTPError</c>: managers throw it, and
/// <see cref="ApiErrorMiddleware"/> turns it into the status and the <c>{"message", "reason"}</c> body Jupyter clients
/// read.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int statusCode, string message, string? reason = null)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    public ApiException()
        : this(500, "Unhandled error")
    {
    }

    public ApiException(string message)
        : this(500, message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
    }

    public int StatusCode { get; }

    /// <summary>The short reason clients may show (jupyter_server's <c>reason</c>); null for none.</summary>
    public string? Reason { get; }

    public static ApiException BadRequest(string message, string? reason = null) => new(400, message, reason);

    public static ApiException Forbidden(string message) => new(403, message);

    public static ApiException NotFound(string message) => new(404, message);

    public static ApiException Conflict(string message) => new(409, message);
}

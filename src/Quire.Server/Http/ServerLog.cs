using Microsoft.Extensions.Logging;

namespace Quire.Server.Http;

/// <summary>Log messages of the HTTP plumbing. Paths are logged without query strings: those can carry tokens.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Error, "Unhandled error serving {Method} {Path}")]
    public static partial void UnhandledRequestError(ILogger logger, string method, string path, Exception exception);
}

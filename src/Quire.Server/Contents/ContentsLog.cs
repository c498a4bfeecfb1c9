using Microsoft.Extensions.Logging;

namespace Quire.Server.Contents;

/// <summary>Log messages of the contents service: API paths and outcomes, never file content.</summary>
internal static partial class ContentsLog
{
    [LoggerMessage(200, LogLevel.Information, "Saved {Path}")]
    public static partial void Saved(ILogger logger, string path);

    [LoggerMessage(201, LogLevel.Information, "Created {Path}")]
    public static partial void Created(ILogger logger, string path);

    [LoggerMessage(202, LogLevel.Information, "Renamed {Path} to {NewPath}")]
    public static partial void Renamed(ILogger logger, string path, string newPath);

    [LoggerMessage(203, LogLevel.Warning, "Deleted {Path}")]
    public static partial void Deleted(ILogger logger, string path);

    [LoggerMessage(204, LogLevel.Error, "Failed to {Operation} {Path}")]
    public static partial void IoFailed(ILogger logger, string operation, string path, Exception exception);

    [LoggerMessage(205, LogLevel.Warning, "Notebook signatures: {Message}")]
    public static partial void NotaryWarning(ILogger logger, string message);

    [LoggerMessage(206, LogLevel.Error, "Notebook signatures are unavailable; notebooks are read as untrusted")]
    public static partial void NotaryFailed(ILogger logger, Exception exception);

    [LoggerMessage(207, LogLevel.Warning, "Notebook {Path} is not trusted")]
    public static partial void NotTrusted(ILogger logger, string path);

    [LoggerMessage(208, LogLevel.Warning, "Trusting notebook {Path}")]
    public static partial void Trusting(ILogger logger, string path);
}

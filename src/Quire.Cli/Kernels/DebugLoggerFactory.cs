using Microsoft.Extensions.Logging;

namespace Quire.Cli.Kernels;

/// <summary>
/// <c>--debug</c>: every log line of the kernel manager, client and transport on standard error. A few lines of our
/// own rather than Microsoft.Extensions.Logging.Console, which would pull a hosting stack into the CLI for one flag.
/// </summary>
internal sealed class DebugLoggerFactory(TextWriter error, TimeProvider time) : ILoggerFactory
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var line = $"[{time.GetUtcNow():HH:mm:ss.fff} {level} {category}] {message}";
        lock (_lock)
        {
            error.WriteLine(exception is null ? line : $"{line}\n{exception}");
        }
    }

    private sealed class Logger(DebugLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Write(category, logLevel, formatter(state, exception), exception);
    }
}

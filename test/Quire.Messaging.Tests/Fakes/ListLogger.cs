using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Quire.Messaging.Tests.Fakes;

/// <summary>Keeps what was logged, so a test can see that something was noticed rather than thrown.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Text)> _entries = new();

    public event Action<EventId>? Logged;

    public IReadOnlyList<(LogLevel Level, EventId Id, string Text)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _entries.Enqueue((logLevel, eventId, formatter(state, exception)));
        Logged?.Invoke(eventId);
    }
}

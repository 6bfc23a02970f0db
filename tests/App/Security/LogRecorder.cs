using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// A logger factory that keeps every message at every level (debug included) as the console would
/// print it, so that a test can scan what an operator's terminal or journal would hold.
/// </summary>
internal sealed class LogRecorder : ILoggerFactory
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : "\n" + exception)}");
    }
}

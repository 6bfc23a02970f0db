namespace Warehouse.App.Scheduling;

/// <summary>The schedule cannot be used; each problem names its job (exit code 2 at start).</summary>
internal sealed class ScheduleException : Exception
{
    public ScheduleException(IReadOnlyList<string> problems) : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public ScheduleException() : this(["The schedule is not valid."]) { }

    public ScheduleException(string message) : this([message]) { }

    public ScheduleException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}

namespace Warehouse.App.Cli;

/// <summary>A command ran and failed; the message is the sentence shown to the person (exit code 1).</summary>
internal sealed class CommandFailedException : Exception
{
    public CommandFailedException(string message) : base(message) { }

    public CommandFailedException() : base("The command failed.") { }

    public CommandFailedException(string message, Exception inner) : base(message, inner) { }
}

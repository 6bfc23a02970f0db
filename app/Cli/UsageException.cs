namespace Warehouse.App.Cli;

/// <summary>The command line asks for something that cannot be done as asked (exit code 2).</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException() : base("The command line is not valid.") { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}

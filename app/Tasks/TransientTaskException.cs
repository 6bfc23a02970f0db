namespace Warehouse.App.Tasks;

/// <summary>
/// A failure worth retrying (a file still being written, a resource briefly unavailable). The
/// runner retries the job with its back-off; any other exception fails the run at once.
/// </summary>
public sealed class TransientTaskException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TransientTaskException() : base("A transient failure occurred.") { }

    /// <summary>Creates the exception; the message is stored as the run's error sentence.</summary>
    public TransientTaskException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public TransientTaskException(string message, Exception inner) : base(message, inner) { }
}

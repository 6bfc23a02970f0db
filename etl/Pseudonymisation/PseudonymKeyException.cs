namespace Warehouse.Etl.Pseudonymisation;

/// <summary>The pseudonymisation key is missing, unreadable or unsafe.</summary>
public sealed class PseudonymKeyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PseudonymKeyException() { }

    /// <summary>Creates the exception with a message.</summary>
    public PseudonymKeyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PseudonymKeyException(string message, Exception inner) : base(message, inner) { }
}

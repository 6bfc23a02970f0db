namespace Warehouse.Frameworks;

/// <summary>Thrown when reference CSVs fail validation; carries every error found.</summary>
public sealed class ReferenceDataException : Exception
{
    /// <summary>Creates the exception with no errors listed.</summary>
    public ReferenceDataException()
        : this("Reference data is not valid.")
    {
    }

    /// <summary>Creates the exception with a message and no errors listed.</summary>
    public ReferenceDataException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates the exception for the errors found.</summary>
    public ReferenceDataException(IReadOnlyList<ReferenceDataError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, each naming its file, row and field.</summary>
    public IReadOnlyList<ReferenceDataError> Errors { get; }

    private static string Describe(IReadOnlyList<ReferenceDataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"{errors.Count} reference data error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
    }
}

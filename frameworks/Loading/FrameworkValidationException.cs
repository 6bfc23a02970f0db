namespace Warehouse.Frameworks;

/// <summary>Thrown when framework files fail validation on load; carries every error found, not only the first.</summary>
public sealed class FrameworkValidationException : Exception
{
    /// <summary>Creates the exception with no errors listed.</summary>
    public FrameworkValidationException()
        : this("Framework files are not valid.")
    {
    }

    /// <summary>Creates the exception with a message and no errors listed.</summary>
    public FrameworkValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FrameworkValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates the exception for the errors found.</summary>
    public FrameworkValidationException(IReadOnlyList<FrameworkValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, each naming its file and entry.</summary>
    public IReadOnlyList<FrameworkValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<FrameworkValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"{errors.Count} framework error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
    }
}

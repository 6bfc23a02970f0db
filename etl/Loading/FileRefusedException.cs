namespace Warehouse.Etl.Loading;

/// <summary>A whole file is refused (moved to rejected/) with a reason a person can act on.</summary>
internal sealed class FileRefusedException : Exception
{
    public FileRefusedException() { }

    public FileRefusedException(string message) : base(message) { }

    public FileRefusedException(string message, Exception inner) : base(message, inner) { }
}

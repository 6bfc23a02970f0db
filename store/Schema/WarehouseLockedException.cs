namespace Warehouse.Store.Schema;

/// <summary>The warehouse file is open in another process (DuckDB allows one process per file).</summary>
public sealed class WarehouseLockedException : IOException
{
    /// <summary>Creates the exception for a path.</summary>
    public WarehouseLockedException(string path, Exception inner)
        : base($"The warehouse '{path}' is in use by another Warehouse process (a load, a job or a query). Try again when it has finished.", inner)
        => Path = path;

    /// <summary>Creates the exception with a message.</summary>
    public WarehouseLockedException() : base("The warehouse is in use by another process.") => Path = string.Empty;

    /// <summary>Creates the exception with a message.</summary>
    public WarehouseLockedException(string message) : base(message) => Path = string.Empty;

    /// <summary>The warehouse file.</summary>
    public string Path { get; }
}

namespace Warehouse.App.Access;

/// <summary>There is no warehouse file yet.</summary>
internal sealed class WarehouseMissingException : Exception
{
    public WarehouseMissingException(string path)
        : base($"There is no warehouse at '{path}' yet: run 'warehouse load' or 'warehouse demo' first.") { }

    public WarehouseMissingException() : base("There is no warehouse yet.") { }

    public WarehouseMissingException(string message, Exception inner) : base(message, inner) { }
}

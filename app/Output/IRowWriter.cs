namespace Warehouse.App.Output;

/// <summary>Writes rows in one <see cref="OutputFormat"/>: the columns once, then each row, then the end.</summary>
internal interface IRowWriter
{
    void Begin(IReadOnlyList<OutputColumn> columns);

    void Row(IReadOnlyList<object?> values);

    void End();
}

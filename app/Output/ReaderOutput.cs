using System.Data.Common;

namespace Warehouse.App.Output;

/// <summary>Streams a query's result through a row writer.</summary>
internal static class ReaderOutput
{
    /// <summary>Writes every row; returns how many there were.</summary>
    internal static long Write(DbDataReader reader, IRowWriter writer, CancellationToken cancellationToken)
    {
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new OutputColumn(reader.GetName(i), reader.GetDataTypeName(i)))
            .ToList();
        writer.Begin(columns);
        var values = new object?[columns.Count];
        long rows = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            writer.Row(values);
            rows++;
        }
        writer.End();
        return rows;
    }
}

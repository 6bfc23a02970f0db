using System.Data;
using Dapper;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// Teaches Dapper the .NET date types DuckDB's DATE maps to. DuckDB DATE columns read as
/// <see cref="DateTime"/> (as in other ADO.NET providers); records may declare
/// <see cref="DateOnly"/> members, and DateOnly values may be passed as parameters.
/// </summary>
public static class DuckDbDapper
{
    private static int registered;

    /// <summary>Registers the type handlers once per process; safe to call repeatedly.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new NullableDateOnlyHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => throw new InvalidCastException($"Cannot read a {value.GetType().Name} as a date."),
        };

        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }
    }

    private sealed class NullableDateOnlyHandler : SqlMapper.TypeHandler<DateOnly?>
    {
        public override DateOnly? Parse(object value) => value switch
        {
            null or DBNull => null,
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => throw new InvalidCastException($"Cannot read a {value.GetType().Name} as a date."),
        };

        public override void SetValue(IDbDataParameter parameter, DateOnly? value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value is { } v ? v : DBNull.Value;
        }
    }
}

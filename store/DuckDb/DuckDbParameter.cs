using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// A statement parameter. Named (<c>$name</c> in SQL; the name may be given with or without
/// the <c>$</c>, <c>@</c> or <c>:</c> prefix) or positional (<c>$1</c> or <c>?</c>, in order).
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string parameterName = string.Empty;

    /// <summary>Creates an unnamed parameter.</summary>
    public DuckDbParameter() { }

    /// <summary>Creates a positional parameter with a value.</summary>
    public DuckDbParameter(object? value) => Value = value;

    /// <summary>Creates a named parameter with a value.</summary>
    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    /// <inheritdoc />
    public override DbType DbType { get; set; } = DbType.Object;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input) throw new NotSupportedException("DuckDB parameters are input only.");
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => parameterName;
        set => parameterName = value ?? string.Empty;
    }

    /// <summary>The name without its prefix, as DuckDB knows it.</summary>
    internal string BareName => parameterName.TrimStart('$', '@', ':');

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => DbType = DbType.Object;
}

using System.Collections;
using System.Data.Common;

namespace Warehouse.Store.DuckDb;

/// <summary>The parameters of a <see cref="DuckDbCommand"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "DbParameterCollection's shape is fixed by ADO.NET.")]
public sealed class DuckDbParameterCollection : DbParameterCollection
{
    private readonly List<DuckDbParameter> items = [];

    /// <inheritdoc />
    public override int Count => items.Count;

    /// <inheritdoc />
    public override object SyncRoot => ((ICollection)items).SyncRoot;

    /// <summary>The parameter at a position.</summary>
    public new DuckDbParameter this[int index] => items[index];

    /// <summary>Adds a named parameter with a value.</summary>
    public DuckDbParameter Add(string name, object? value)
    {
        var parameter = new DuckDbParameter(name, value);
        items.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a positional parameter with a value.</summary>
    public DuckDbParameter AddValue(object? value)
    {
        var parameter = new DuckDbParameter(value);
        items.Add(parameter);
        return parameter;
    }

    /// <inheritdoc />
    public override int Add(object value)
    {
        items.Add(Cast(value));
        return items.Count - 1;
    }

    /// <inheritdoc />
    public override void AddRange(Array values)
    {
        foreach (var value in values) Add(value!);
    }

    /// <inheritdoc />
    public override void Clear() => items.Clear();

    /// <inheritdoc />
    public override bool Contains(object value) => value is DuckDbParameter p && items.Contains(p);

    /// <inheritdoc />
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc />
    public override void CopyTo(Array array, int index) => ((ICollection)items).CopyTo(array, index);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => items.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(object value) => value is DuckDbParameter p ? items.IndexOf(p) : -1;

    /// <inheritdoc />
    public override int IndexOf(string parameterName)
    {
        var bare = parameterName.TrimStart('$', '@', ':');
        return items.FindIndex(p => string.Equals(p.BareName, bare, StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public override void Insert(int index, object value) => items.Insert(index, Cast(value));

    /// <inheritdoc />
    public override void Remove(object value) => items.Remove(Cast(value));

    /// <inheritdoc />
    public override void RemoveAt(int index) => items.RemoveAt(index);

    /// <inheritdoc />
    public override void RemoveAt(string parameterName) => items.RemoveAt(IndexOf(parameterName));

    /// <inheritdoc />
    protected override DbParameter GetParameter(int index) => items[index];

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2201", Justification = "ADO.NET specifies IndexOutOfRangeException for an unknown parameter.")]
    protected override DbParameter GetParameter(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index >= 0 ? items[index] : throw new IndexOutOfRangeException($"No parameter named '{parameterName}'.");
    }

    /// <inheritdoc />
    protected override void SetParameter(int index, DbParameter value) => items[index] = Cast(value);

    /// <inheritdoc />
    protected override void SetParameter(string parameterName, DbParameter value)
    {
        var index = IndexOf(parameterName);
        if (index < 0) items.Add(Cast(value));
        else items[index] = Cast(value);
    }

    private static DuckDbParameter Cast(object value) =>
        value as DuckDbParameter ?? throw new ArgumentException($"Expected a DuckDbParameter, got {value?.GetType().Name ?? "null"}.", nameof(value));
}

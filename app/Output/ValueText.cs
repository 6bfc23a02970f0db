using System.Collections;
using System.Globalization;
using System.Numerics;

namespace Warehouse.App.Output;

/// <summary>
/// A value as text, the same on every machine: ISO 8601 dates and times, invariant numbers,
/// lists in brackets. DuckDB dates arrive as <see cref="DateTime"/>, so the column's type decides.
/// </summary>
internal static class ValueText
{
    internal static string Format(object? value, string typeName) => value switch
    {
        null or DBNull => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d when typeName == "DATE" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d when typeName.Contains("TIME ZONE", StringComparison.Ordinal) =>
            d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z",
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => Format(i, string.Empty))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}

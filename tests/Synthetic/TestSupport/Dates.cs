using System.Globalization;

namespace Warehouse.Synthetic.Tests.TestSupport;

/// <summary>The date forms the contract accepts in text: ISO date, ISO date-time to the minute, UK dd/mm/yyyy.</summary>
public static class Dates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "dd/MM/yyyy"];

    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateOnly.FromDateTime(value)
            : null;
    }
}

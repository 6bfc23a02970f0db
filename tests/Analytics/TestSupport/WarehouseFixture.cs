using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.Analytics.Tests.TestSupport;

/// <summary>
/// One in-memory warehouse per test class, at the current schema, with the England and Wales
/// bank holidays of 2025 to 2027 only (so 2024 and 2028 dates are outside the table's years).
/// Tests share it by using a partnership code of their own.
/// </summary>
public sealed class WarehouseFixture : IDisposable
{
    public static readonly string[] BankHolidays =
    [
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ];

    public WarehouseFixture()
    {
        Connection = new DuckDbConnection(":memory:");
        Connection.Open();
        Migrator.Apply(Connection);
        var values = string.Join(", ", BankHolidays.Select(d => $"(DATE '{d}', 'holiday')"));
        Connection.Execute($"""
            INSERT INTO dim.bank_holiday VALUES {values};
            UPDATE dim.calendar c SET
                is_bank_holiday = (c.day IN (SELECT holiday_date FROM dim.bank_holiday)),
                holidays_known  = c.year BETWEEN 2025 AND 2027,
                is_working_day  = NOT c.is_weekend AND c.day NOT IN (SELECT holiday_date FROM dim.bank_holiday);
            INSERT INTO dim.national_comparator VALUES
                (DATE '2025-03-31', 'referrals_nfa', 6.5, 'percent', 'DfE'),
                (DATE '2025-03-31', 're_referrals_within_12_months', 22.6, 'percent', 'DfE'),
                (DATE '2024-03-31', 're_referrals_within_12_months', 22, 'percent', 'DfE');
            """);
    }

    public DuckDbConnection Connection { get; }

    public void Dispose() => Connection.Dispose();
}

using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Sources.Reference;

/// <summary>Writes reference data into its dimensions, replacing what was there.</summary>
internal static class ReferenceWriter
{
    internal static void WriteLocalities(DuckDbConnection connection, string partnership, IEnumerable<Locality> localities)
    {
        Delete(connection, "dim.locality", partnership);
        using var appender = connection.CreateAppender("locality", "dim");
        foreach (var l in localities) appender.AppendRow(partnership, l.Code, l.Name, l.Area, (long)l.Population0To17);
    }

    internal static void WriteAgencies(DuckDbConnection connection, string partnership, IEnumerable<Agency> agencies)
    {
        Delete(connection, "dim.agency", partnership);
        using var appender = connection.CreateAppender("agency", "dim");
        foreach (var a in agencies) appender.AppendRow(partnership, a.Code, a.Name, SectorCode(a.Sector), a.CinSourceCode);
    }

    internal static void WriteBankHolidays(DuckDbConnection connection, IEnumerable<BankHoliday> holidays)
    {
        connection.Execute("DELETE FROM dim.bank_holiday");
        using (var appender = connection.CreateAppender("bank_holiday", "dim"))
        {
            foreach (var h in holidays) appender.AppendRow(h.Date, h.Name);
        }
        // Working days are known only inside the years the bank-holiday table covers.
        connection.Execute("""
            UPDATE dim.calendar c SET
                is_bank_holiday = (c.day IN (SELECT holiday_date FROM dim.bank_holiday)),
                holidays_known  = c.year BETWEEN (SELECT min(year(holiday_date)) FROM dim.bank_holiday)
                                             AND (SELECT max(year(holiday_date)) FROM dim.bank_holiday),
                is_working_day  = NOT c.is_weekend AND c.day NOT IN (SELECT holiday_date FROM dim.bank_holiday)
            """);
    }

    internal static void WriteComparators(DuckDbConnection connection, IEnumerable<NationalComparator> comparators)
    {
        connection.Execute("DELETE FROM dim.national_comparator");
        using var appender = connection.CreateAppender("national_comparator", "dim");
        foreach (var c in comparators) appender.AppendRow(c.YearEnding, c.Measure, (double)c.Value, c.Unit, c.Source);
    }

    /// <summary>The sector as the contract spells it (snake case).</summary>
    internal static string SectorCode(AgencySector sector) => sector switch
    {
        AgencySector.LocalAuthority => "local_authority",
        _ => sector.ToString().ToLowerInvariant(),
    };

    private static void Delete(DuckDbConnection connection, string table, string partnership)
    {
        using var command = new DuckDbCommand($"DELETE FROM {table} WHERE partnership = $1", connection);
        command.Parameters.AddValue(partnership);
        command.ExecuteNonQuery();
    }
}

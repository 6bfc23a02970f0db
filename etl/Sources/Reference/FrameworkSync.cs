using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Sources.Reference;

/// <summary>
/// Keeps the warehouse's dimensions in step with the framework files and the reference data:
/// framework dimensions (versions, levels, indicators, outcomes) are rewritten from the framework
/// files on every load, since those files are their source of truth; reference dimensions
/// (localities, agencies, bank holidays, comparators) are seeded from the shipped CSVs only when
/// empty, because a partnership replaces them by dropping its own CSVs in the inbox.
/// </summary>
internal static class FrameworkSync
{
    internal static void Apply(DuckDbConnection connection, FrameworkCatalog catalog, ReferenceDataSet reference)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var partnership in catalog.Partnerships)
        {
            var frameworks = catalog.Get(partnership);
            WritePartnership(connection, frameworks);
            WriteFrameworks(connection, frameworks);
            if (IsEmpty(connection, "dim.locality", partnership))
                ReferenceWriter.WriteLocalities(connection, partnership, reference.LocalitiesFor(partnership));
            if (IsEmpty(connection, "dim.agency", partnership))
                ReferenceWriter.WriteAgencies(connection, partnership, reference.Agencies);
        }
        if (IsEmpty(connection, "dim.bank_holiday", null))
            ReferenceWriter.WriteBankHolidays(connection, reference.BankHolidays.Holidays);
        if (IsEmpty(connection, "dim.national_comparator", null))
            ReferenceWriter.WriteComparators(connection, reference.NationalComparators);
        transaction.Commit();
    }

    private static void WritePartnership(DuckDbConnection connection, PartnershipFrameworks frameworks)
    {
        using var command = new DuckDbCommand("""
            INSERT INTO dim.partnership VALUES ($1, $2)
            ON CONFLICT (partnership) DO UPDATE SET name = excluded.name
            """, connection);
        command.Parameters.AddValue(frameworks.Partnership);
        command.Parameters.AddValue(frameworks.Name);
        command.ExecuteNonQuery();
    }

    private static void WriteFrameworks(DuckDbConnection connection, PartnershipFrameworks frameworks)
    {
        foreach (var table in new[] { "dim.framework_version", "dim.level", "dim.indicator", "dim.outcome", "dim.outcome_confirmation", "dim.open_case_floor" })
        {
            using var delete = new DuckDbCommand($"DELETE FROM {table} WHERE partnership = $1", connection);
            delete.Parameters.AddValue(frameworks.Partnership);
            delete.ExecuteNonQuery();
        }

        using var versions = connection.CreateAppender("framework_version", "dim");
        using var levels = connection.CreateAppender("level", "dim");
        using var indicators = connection.CreateAppender("indicator", "dim");
        using var outcomes = connection.CreateAppender("outcome", "dim");
        using var confirmations = connection.CreateAppender("outcome_confirmation", "dim");
        using var floors = connection.CreateAppender("open_case_floor", "dim");
        foreach (var framework in frameworks.Versions)
        {
            versions.AppendRow(framework.Partnership, framework.Version, framework.EffectiveFrom, framework.EffectiveTo);
            foreach (var level in framework.Levels)
                levels.AppendRow(framework.Partnership, framework.Version, level.Number, level.Code, level.DisplayName);
            foreach (var indicator in framework.Indicators)
                indicators.AppendRow(framework.Partnership, framework.Version, indicator.Code, indicator.Level.Number,
                    indicator.Domain.Name, indicator.Text, indicator.TopLevelOnItsOwn);
            foreach (var outcome in framework.Outcomes)
                outcomes.AppendRow(framework.Partnership, framework.Version, outcome.Code, outcome.Label, outcome.Level.Number,
                    outcome.VisibleInAnnexA, outcome.RequiresConsent);
            foreach (var outcome in framework.Outcomes)
            {
                foreach (var confirming in outcome.ConfirmedBy.Distinct())
                    confirmations.AppendRow(framework.Partnership, framework.Version, outcome.Code, EventKind(confirming), outcome.Level.Number);
            }
            foreach (var floor in framework.OpenCaseFloors)
                floors.AppendRow(framework.Partnership, framework.Version, floor.List == OpenCaseList.ChildInNeed ? 6 : 7, floor.Level.Number);
        }
    }

    /// <summary>The event kinds as dim.outcome_confirmation and the derivation SQL spell them.</summary>
    internal static string EventKind(AnnexAEvent annexAEvent) => annexAEvent switch
    {
        AnnexAEvent.EarlyHelpAssessment => "early_help_assessment",
        AnnexAEvent.ReferralNotNfa => "referral_not_nfa",
        AnnexAEvent.Assessment => "assessment",
        AnnexAEvent.Section47 => "section47",
        _ => throw new ArgumentOutOfRangeException(nameof(annexAEvent), annexAEvent, "Not an Annex A event that confirms an outcome."),
    };

    private static bool IsEmpty(DuckDbConnection connection, string table, string? partnership)
    {
        using var command = new DuckDbCommand(
            partnership is null ? $"SELECT count(*) FROM {table}" : $"SELECT count(*) FROM {table} WHERE partnership = $1", connection);
        if (partnership is not null) command.Parameters.AddValue(partnership);
        return (long)command.ExecuteScalar()! == 0;
    }
}

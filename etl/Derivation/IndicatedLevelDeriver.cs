using System.Text;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Staging;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Derivation;

/// <summary>
/// Puts the level engine into the consultations' parse step: <c>staged_indication(framework_version,
/// indicators)</c> runs <see cref="LevelEngineFunction"/> under the framework version in force on each
/// consultation's date, on DuckDB's worker threads, as the file is read. The publish step unpacks
/// the indicated level, the rule that decided it, whether it is borderline and the indicators behind
/// it; validation unpacks the unknown codes. A prompt for reflection, never a verdict: the seeds are
/// not checklists.
/// </summary>
/// <remarks>
/// The indicated level depends only on the consultation's own indicators and framework version,
/// so it is computed once, as the row is loaded; the warehouse table is never updated for it
/// (DuckDB updates of wide rows with list columns cost far more than inserts).
/// </remarks>
internal static class IndicatedLevelDeriver
{
    internal const string Macro = "staged_indication";

    /// <summary>
    /// Defines <c>staged_indication(fv, codes)</c> for the partnership's versions (NULL for a row with no
    /// version in force), registering each version's engine function with the database once per load.
    /// </summary>
    internal static void DefineStagedMacro(LoadContext context, PartnershipFrameworks frameworks)
    {
        var sql = new StringBuilder("CASE fv");
        foreach (var version in frameworks.Versions)
        {
            if (!context.EngineFunctions.TryGetValue(version, out var name))
            {
                name = Utf8Function.Register(context.Connection, "level_engine", new LevelEngineFunction(version));
                context.EngineFunctions.Add(version, name);
            }
            sql.Append(" WHEN ").Append(SqlScript.Literal(version.Version)).Append(" THEN ").Append(name).Append("(coalesce(codes, ''))");
        }
        sql.Append(" END");
        var body = frameworks.Versions.Count == 0 ? "CAST(NULL AS VARCHAR)" : sql.ToString();
        context.Connection.Execute($"CREATE OR REPLACE TEMP MACRO {Macro}(fv, codes) AS {body}");
    }
}

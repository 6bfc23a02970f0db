using Warehouse.Etl.Staging;

namespace Warehouse.Etl.Governance;

/// <summary>A warehouse table that holds rows about a child: it has a child_key or a consultation_id column.</summary>
internal sealed record ChildTable(string Schema, string Name, bool HasChildKey, bool HasConsultationId, bool HasPartnership, bool HasRunId)
{
    /// <summary>The name as SQL (quoted).</summary>
    public string Sql => $"{SqlScript.Identifier(Schema)}.{SqlScript.Identifier(Name)}";

    /// <summary>The name as logs and reports show it.</summary>
    public string Display => $"{Schema}.{Name}";
}

namespace Warehouse.Reports.Briefings;

/// <summary>What a briefing table cell holds, which sets its class (and alignment) in the HTML.</summary>
internal enum BriefingCellKind
{
    Label,
    Count,
    Number,
}

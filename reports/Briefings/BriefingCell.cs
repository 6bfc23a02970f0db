namespace Warehouse.Reports.Briefings;

/// <summary>One cell of a briefing table: its text and whether it is a count (the disclosure tests look at those), a number or a label.</summary>
internal sealed record BriefingCell(string Text, BriefingCellKind Kind = BriefingCellKind.Label);

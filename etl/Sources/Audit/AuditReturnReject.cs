namespace Warehouse.Etl.Sources.Audit;

/// <summary>Why a row of an audit return was not loaded: its sheet row, the column and value at fault, and a reason a person can act on.</summary>
internal sealed record AuditReturnReject(int RowNumber, string Column, string? Value, string Reason);

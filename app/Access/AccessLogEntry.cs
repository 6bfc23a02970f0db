namespace Warehouse.App.Access;

/// <summary>
/// One line of the access log: who ran what, when, and how many rows it returned or wrote.
/// <paramref name="What"/> is the analyst's query as typed (or the table exported); nothing read
/// from the warehouse, and no error text (DuckDB's messages can quote data values), is ever stored.
/// </summary>
internal sealed record AccessLogEntry(DateTimeOffset At, string User, string Command, string What, long? Rows, string Outcome);

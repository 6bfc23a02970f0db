namespace Warehouse.Synthetic.Xlsx;

/// <summary>Where the cells of one list go, row by row: a worksheet, or a CSV file when the list is too long for one.</summary>
internal interface ICellSink
{
    void BeginRow();

    /// <summary>Vocabulary text (a label, a team, a name).</summary>
    void Text(string value);

    /// <summary>An identifier: text that is nearly always different from row to row.</summary>
    void Identifier(string value);

    /// <summary>A date: an Excel serial number with a date format, or (<paramref name="asText"/>) the text dd/mm/yyyy.</summary>
    void Date(DateOnly date, bool asText);

    void Integer(long value);

    void Decimal(double value);

    void Blank();

    /// <summary><c>#N/A</c>: an error cell (<paramref name="asError"/>) or the text a copy-paste leaves.</summary>
    void NotAvailable(bool asError);

    /// <summary>A date computed by a formula from another cell of the row (<c>=F2+14</c>), with its cached value.</summary>
    void DateFormula(int referenceColumn, int offsetDays, DateOnly result);

    void EndRow();
}

using System.Text;
using Warehouse.Synthetic.Consultations;
using Warehouse.Synthetic.Xlsx;

namespace Warehouse.Synthetic.AnnexA;

/// <summary>One Annex A list as CSV (a month too big for a workbook): text dates, <c>#N/A</c> as text, formulas as their value.</summary>
internal sealed class CsvListSink : ICellSink, IDisposable
{
    private readonly StreamWriter writer;
    private readonly CsvLine line = new(quoteAll: false, newLine: "\r\n");
    private readonly bool isoDates;

    public CsvListSink(string path, IReadOnlyList<string> headers, bool isoDates)
    {
        this.isoDates = isoDates;
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        foreach (var header in headers)
        {
            line.Field(header);
        }

        line.WriteTo(writer);
    }

    public long Rows { get; private set; }

    public void BeginRow()
    {
    }

    public void Text(string value) => line.Field(value);

    public void Identifier(string value) => line.Field(value);

    public void Date(DateOnly date, bool asText) => line.Date(date, british: !isoDates);

    public void Integer(long value) => line.Field(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Decimal(double value) => line.Field(Invariant.Text(value));

    public void Blank() => line.Empty();

    public void NotAvailable(bool asError) => line.Field("#N/A");

    public void DateFormula(int referenceColumn, int offsetDays, DateOnly result) => Date(result, asText: true);

    public void EndRow()
    {
        line.WriteTo(writer);
        Rows++;
    }

    public void Dispose() => writer.Dispose();
}

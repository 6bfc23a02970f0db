using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Xlsx;

public sealed partial class XlsxReader
{
    /// <summary>
    /// The rows of a sheet in order, each with its Excel row number. Rows and cells without a
    /// reference take the next position, as Excel does. Rows are read as they are enumerated.
    /// </summary>
    /// <exception cref="XlsxReadException">The sheet does not exist or its XML is broken.</exception>
    public IEnumerable<XlsxRow> ReadRows(string sheetName, CancellationToken cancellationToken = default)
    {
        var partName = _sheets.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase)).PartName
            ?? throw new XlsxReadException($"'{FileName}' has no sheet called '{sheetName}'; it has: {string.Join(", ", SheetNames)}.");
        return ReadRowsFromPart(partName, cancellationToken);
    }

    private IEnumerable<XlsxRow> ReadRowsFromPart(string partName, CancellationToken cancellationToken)
    {
        var sharedStrings = SharedStringTable();
        var dateStyles = DateStyles();
        using var stream = OpenPart(partName);
        using var reader = CreatePartReader(stream);
        var previousRow = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            XlsxRow? row;
            try
            {
                row = NextRow(reader, ref previousRow, sharedStrings, dateStyles);
            }
            catch (System.Xml.XmlException e)
            {
                throw new XlsxReadException($"'{FileName}' is not a valid .xlsx workbook: part '{partName}' is not well-formed XML ({e.Message})", e);
            }
            catch (InvalidDataException e)
            {
                throw new XlsxReadException($"'{FileName}' is not a valid .xlsx workbook: part '{partName}' is corrupt ({e.Message})", e);
            }

            if (row is null)
            {
                yield break;
            }

            yield return row;
        }
    }

    private XlsxRow? NextRow(OpenXmlReader reader, ref int previousRow, List<string> sharedStrings, bool[] dateStyles)
    {
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var rowNumber = previousRow + 1;
            var r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r" && string.IsNullOrEmpty(a.NamespaceUri)).Value;
            if (r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                rowNumber = number;
            }

            if (rowNumber > CellReference.MaxRows)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"row {rowNumber:N0} is beyond Excel's last row ({CellReference.MaxRows:N0})"));
            }

            previousRow = rowNumber;
            var cells = new List<XlsxValue>();
            var previousColumn = -1;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsEndElement)
                {
                    break;
                }

                if (reader.ElementType != typeof(Cell) || !reader.IsStartElement)
                {
                    continue;
                }

                var cell = (Cell)reader.LoadCurrentElement()!;
                var column = cell.CellReference?.Value is { } reference ? CellReference.ColumnIndex(reference) : -1;
                if (column < 0 || column <= previousColumn)
                {
                    column = previousColumn + 1;
                }

                if (column >= CellReference.MaxColumns)
                {
                    // Excel's last column is XFD; a row with more cells is not a sheet Excel wrote (and
                    // would otherwise grow without bound in memory).
                    throw Invalid(string.Create(CultureInfo.InvariantCulture, $"row {rowNumber:N0} has a cell beyond Excel's last column (XFD, {CellReference.MaxColumns:N0})"));
                }

                previousColumn = column;
                var value = ValueOf(cell, sharedStrings, dateStyles);
                if (value.IsBlank)
                {
                    continue;
                }

                while (cells.Count < column)
                {
                    cells.Add(XlsxValue.Blank);
                }

                cells.Add(value);
            }

            return new XlsxRow(rowNumber, cells);
        }

        return null;
    }

    private XlsxValue ValueOf(Cell cell, List<string> sharedStrings, bool[] dateStyles)
    {
        var type = cell.DataType?.InnerText;
        if (type == "inlineStr")
        {
            return cell.InlineString is { } inline ? XlsxValue.FromText(ItemText(inline)) : XlsxValue.Blank;
        }

        // A formula's cached result is in <v>; without one the value is unknown, and the reader never evaluates.
        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return _options.ReportUncalculatedFormulas && cell.CellFormula is { } formula
                ? XlsxValue.FromUncalculatedFormula(formula.Text)
                : XlsxValue.Blank;
        }

        switch (type)
        {
            case "s":
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sharedStrings.Count)
                {
                    throw Invalid($"cell {cell.CellReference?.Value} points to shared string {raw}, which does not exist");
                }

                return XlsxValue.FromText(sharedStrings[index]);
            case "str":
                return XlsxValue.FromText(XmlStrings.Unescape(raw));
            case "b":
                return XlsxValue.FromBoolean(raw.Trim() is "1" or "true");
            case "e":
                return XlsxValue.FromError(raw);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? XlsxValue.FromDate(iso.ToOADate(), iso)
                    : XlsxValue.FromText(raw);
            default:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw Invalid($"cell {cell.CellReference?.Value} holds '{raw}', which is not a number");
                }

                var style = cell.StyleIndex?.Value is { } s ? (int)s : 0;
                if (style < dateStyles.Length && dateStyles[style] && TryDate(number, out var date))
                {
                    return XlsxValue.FromDate(number, date);
                }

                return XlsxValue.FromNumber(number);
        }
    }

    private bool TryDate(double serial, out DateTime date)
    {
        // Serial 60 is Excel's fictional 1900-02-29; OADate handles the rest of the 1900 system.
        var offset = _date1904 ? 1462 : 0;
        var value = serial + offset;
        if (value is < 0 or > 2_958_465)
        {
            date = default;
            return false;
        }

        date = DateTime.FromOADate(value);
        // Round to the millisecond: serials carry binary fractions of a day.
        date = new DateTime(date.Ticks - (date.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Unspecified);
        return true;
    }
}

namespace Warehouse.Reports.Excel;

/// <summary>A file could not be read as a workbook; the message names the file and says why.</summary>
internal sealed class XlsxReadException : Exception
{
    public XlsxReadException()
    {
    }

    public XlsxReadException(string message)
        : base(message)
    {
    }

    public XlsxReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

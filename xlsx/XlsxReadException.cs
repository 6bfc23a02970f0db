namespace Warehouse.Xlsx;

/// <summary>A file could not be read as a workbook; the message names the file and says why.</summary>
public sealed class XlsxReadException : Exception
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

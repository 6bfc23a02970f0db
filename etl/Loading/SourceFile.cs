namespace Warehouse.Etl.Loading;

/// <summary>A file being loaded: where it is, who it belongs to, and its identity.</summary>
internal sealed record SourceFile(string Path, string Partnership, string FileId, string Sha256, long SizeBytes)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

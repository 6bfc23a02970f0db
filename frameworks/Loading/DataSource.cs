namespace Warehouse.Frameworks;

/// <summary>
/// Where frameworks and reference data are read from: a directory laid out as <c>frameworks/data/</c>
/// (<c>common/</c> plus one folder per partnership) or the copy embedded in this assembly. Paths are relative,
/// with forward slashes.
/// </summary>
internal abstract class DataSource
{
    /// <summary>The folder of reference data shared by every partnership.</summary>
    public const string CommonFolder = "common";

    /// <summary>The partnership folders: every top-level folder except <c>common</c> and hidden ones, in ordinal order.</summary>
    public abstract IReadOnlyList<string> Folders();

    /// <summary>The names of the files directly in a folder, in ordinal order.</summary>
    public abstract IReadOnlyList<string> FileNames(string folder);

    /// <summary>True when the file exists.</summary>
    public abstract bool Exists(string path);

    /// <summary>The file's text (UTF-8, with or without BOM).</summary>
    public abstract string ReadAllText(string path);

    /// <summary>The file's name for messages: a full path, or <c>embedded:</c> and the relative path.</summary>
    public abstract string Describe(string path);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Warehouse.Frameworks.Tests;

/// <summary>The shipped data, loaded once, and the shipped files as editable JSON.</summary>
internal static class ShippedFiles
{
    public const string WarwickshireFile = "warwickshire/framework-2024-01.json";
    public const string WorcestershireFile = "worcestershire/framework-2019-05.json";

    private static readonly Lazy<FrameworkCatalog> LazyCatalog = new(FrameworkCatalog.LoadEmbedded);
    private static readonly Lazy<ReferenceDataSet> LazyReference = new(ReferenceData.LoadEmbedded);

    public static JsonSerializerOptions JsonWriteOptions { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FrameworkCatalog Catalog => LazyCatalog.Value;

    public static ReferenceDataSet Reference => LazyReference.Value;

    public static Framework Warwickshire => Catalog.Get("warwickshire").Latest;

    public static Framework Worcestershire => Catalog.Get("worcestershire").Latest;

    /// <summary>A shipped file as it sits beside the test binaries.</summary>
    public static string Text(string relativePath) =>
        File.ReadAllText(Path.Combine(FrameworkCatalog.ShippedDirectory, relativePath));

    /// <summary>A shipped framework file parsed for editing.</summary>
    public static JsonObject Json(string relativePath) => JsonNode.Parse(Text(relativePath))!.AsObject();

    /// <summary>Writes an edited Warwickshire framework into a fresh scratch directory and loads it, expecting it to fail.</summary>
    public static FrameworkValidationException LoadFails(Action<JsonObject> edit, string relativePath = WarwickshireFile)
    {
        using var temp = new TempDirectory();
        var json = Json(relativePath);
        edit(json);
        temp.Write(relativePath, json);
        return Assert.Throws<FrameworkValidationException>(() => FrameworkCatalog.LoadFrom(temp.Path));
    }
}

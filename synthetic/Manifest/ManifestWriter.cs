using System.Text.Encodings.Web;
using System.Text.Json;

namespace Warehouse.Synthetic.Manifest;

/// <summary>Writes <c>manifest.json</c>: snake_case, indented, LF line endings, the same bytes on every machine.</summary>
internal static class ManifestWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, GenerationManifest manifest)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, manifest, Json);
        stream.WriteByte((byte)'\n');
    }

    public static GenerationManifest Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<GenerationManifest>(stream, Json)
            ?? throw new InvalidDataException($"'{path}' is not a manifest.");
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warehouse.Frameworks;

/// <summary>
/// Source-generated System.Text.Json metadata for framework files: snake_case names, comments and trailing commas
/// allowed (people edit these files by hand), and an unknown property is an error (a misspelt field must not be
/// silently ignored).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FrameworkFileDto))]
internal sealed partial class FrameworkJsonContext : JsonSerializerContext;

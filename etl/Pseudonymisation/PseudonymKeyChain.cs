using System.Security.Cryptography;
using System.Text;

namespace Warehouse.Etl.Pseudonymisation;

/// <summary>
/// The keys that turn child identifiers into pseudonyms, oldest first. A pseudonym is
/// HMAC-SHA256 under the first key of the normalised identifier, then HMAC-SHA256 under each
/// later key of the previous pseudonym (as lower-case hex). Rotation appends a key and
/// re-keys the stored pseudonyms with it, so linkage survives without the raw identifiers.
/// </summary>
/// <remarks>
/// The key file holds one base64 key (32 bytes) a line, oldest first; lines starting with '#'
/// are comments. It must be readable by its owner only: a key file others can read is refused.
/// </remarks>
public sealed class PseudonymKeyChain
{
    /// <summary>The environment variable that may hold a single base64 key instead of a file.</summary>
    public const string EnvironmentVariable = "WAREHOUSE_KEY";

    private const int KeyBytes = 32;

    private PseudonymKeyChain(IReadOnlyList<byte[]> keys) => Keys = keys;

    /// <summary>The keys, oldest first.</summary>
    internal IReadOnlyList<byte[]> Keys { get; }

    /// <summary>Builds a chain from keys held in memory (tests and rotation).</summary>
    internal static PseudonymKeyChain FromKeys(IReadOnlyList<byte[]> keys) =>
        keys.Count > 0 ? new PseudonymKeyChain(keys) : throw new ArgumentException("A key chain needs at least one key.", nameof(keys));

    /// <summary>
    /// Loads the key chain: <see cref="EnvironmentVariable"/> when set, else the key file.
    /// Never falls back to an unkeyed hash: without a key, loading refuses to run.
    /// </summary>
    public static PseudonymKeyChain Load(string keyFile)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return new PseudonymKeyChain([Decode(fromEnvironment.Trim(), EnvironmentVariable)]);

        if (!File.Exists(keyFile))
        {
            throw new PseudonymKeyException(
                $"No pseudonymisation key: the key file '{keyFile}' does not exist and {EnvironmentVariable} is not set. " +
                "Create one with 'warehouse key create' (or let 'warehouse demo' make its own); identifiers are never stored unkeyed.");
        }
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(keyFile);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            if ((mode & others) != 0)
                throw new PseudonymKeyException($"The key file '{keyFile}' can be read by other users; make it owner-only (chmod 600) before it is used.");
        }

        var keys = File.ReadAllLines(keyFile)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select((l, i) => Decode(l, $"{keyFile} line {i + 1}"))
            .ToList();
        return keys.Count > 0 ? new PseudonymKeyChain(keys) : throw new PseudonymKeyException($"The key file '{keyFile}' holds no key.");
    }

    /// <summary>Creates a new key file with one random key, owner-only. Refuses to overwrite.</summary>
    public static PseudonymKeyChain Create(string keyFile)
    {
        if (File.Exists(keyFile)) throw new PseudonymKeyException($"The key file '{keyFile}' already exists; it is never overwritten.");
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var folder = Path.GetDirectoryName(Path.GetFullPath(keyFile))!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(keyFile, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.WriteLine("# Warehouse pseudonymisation keys, oldest first. Keep secret; back up separately from the warehouse.");
            writer.WriteLine(Convert.ToBase64String(key));
        }
        return new PseudonymKeyChain([key]);
    }

    /// <summary>Normalises a child identifier as the contract says: trimmed and upper-cased.</summary>
    public static string Normalise(string rawId) => rawId.Trim().ToUpperInvariant();

    /// <summary>The pseudonym of a raw child identifier (normalised first).</summary>
    public string Pseudonym(string rawId)
    {
        var current = Encoding.UTF8.GetBytes(Normalise(rawId));
        string hex = string.Empty;
        foreach (var key in Keys)
        {
            hex = Convert.ToHexStringLower(HMACSHA256.HashData(key, current));
            current = Encoding.UTF8.GetBytes(hex);
        }
        return hex;
    }

    /// <summary>Applies one more key to an existing pseudonym (what rotation does to stored keys).</summary>
    internal static string Rekey(byte[] newKey, string pseudonym) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(newKey, Encoding.UTF8.GetBytes(pseudonym)));

    private static byte[] Decode(string text, string where)
    {
        try
        {
            var key = Convert.FromBase64String(text);
            return key.Length >= 16 ? key : throw new PseudonymKeyException($"The key in {where} is {key.Length} bytes; at least 16 (32 recommended) are needed.");
        }
        catch (FormatException)
        {
            throw new PseudonymKeyException($"The key in {where} is not base64 text.");
        }
    }
}

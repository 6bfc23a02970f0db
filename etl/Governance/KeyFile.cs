using System.Security.Cryptography;
using System.Text;
using Warehouse.Etl.Pseudonymisation;

namespace Warehouse.Etl.Governance;

/// <summary>
/// Reads a key file as rotation needs it: the keys it holds, oldest first, whatever
/// <c>WAREHOUSE_KEY</c> says (rotation and recovery work on files, not on the environment).
/// Same format and owner-only rule as <see cref="PseudonymKeyChain.Load"/>.
/// </summary>
internal static class KeyFile
{
    private static readonly byte[] FingerprintLabel = Encoding.UTF8.GetBytes("warehouse key fingerprint v1");

    internal static List<byte[]> Read(string path)
    {
        if (!File.Exists(path)) throw new PseudonymKeyException($"The key file '{path}' does not exist.");
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            if ((File.GetUnixFileMode(path) & others) != 0)
                throw new PseudonymKeyException($"The key file '{path}' can be read by other users; make it owner-only (chmod 600) before it is used.");
        }
        var keys = new List<byte[]>();
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            try
            {
                keys.Add(Convert.FromBase64String(line));
            }
            catch (FormatException)
            {
                throw new PseudonymKeyException($"The key file '{path}' holds a line that is not base64 text.");
            }
        }
        return keys.Count > 0 ? keys : throw new PseudonymKeyException($"The key file '{path}' holds no key.");
    }

    /// <summary>Says which key it is without revealing it: HMAC-SHA256(key, a fixed label), hex.</summary>
    internal static string Fingerprint(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, FingerprintLabel));
}

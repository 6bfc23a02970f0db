using System.Security.Cryptography;
using System.Text;

namespace Warehouse.Reports.Excel;

/// <summary>
/// The SHA-512 password hash of ECMA-376 sheet protection: H0 = SHA-512(salt + UTF-16LE password),
/// then spinCount rounds of H = SHA-512(H + round number as 4 little-endian bytes).
/// </summary>
internal static class SheetProtectionHash
{
    public const int SpinCount = 100_000;

    public static (string Salt, string Hash) Compute(string password, byte[]? salt = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        salt ??= RandomNumberGenerator.GetBytes(16);
        var passwordBytes = Encoding.Unicode.GetBytes(password);
        var buffer = new byte[salt.Length + passwordBytes.Length];
        salt.CopyTo(buffer, 0);
        passwordBytes.CopyTo(buffer, salt.Length);
        var hash = SHA512.HashData(buffer);

        var round = new byte[hash.Length + 4];
        for (var i = 0; i < SpinCount; i++)
        {
            hash.CopyTo(round, 0);
            BitConverter.TryWriteBytes(round.AsSpan(hash.Length), i);
            if (!BitConverter.IsLittleEndian)
            {
                round.AsSpan(hash.Length, 4).Reverse();
            }

            hash = SHA512.HashData(round);
        }

        return (Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }
}

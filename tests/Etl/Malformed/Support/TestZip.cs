using System.IO.Compression;
using System.Text;

namespace Warehouse.Etl.Tests.Malformed.Support;

/// <summary>
/// Writes a zip file entry by entry, so that a test can put in it what ZipArchive never would: an
/// entry whose deflated data inflates to gigabytes (built from repeated segments, never held
/// inflated), or whose declared size lies about what it inflates to.
/// </summary>
public sealed class TestZip
{
    private readonly List<(string Name, byte[] Data, uint Crc, long DeclaredSize)> entries = [];

    /// <summary>An ordinary entry: the text deflated, its CRC and size true.</summary>
    public TestZip Add(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        entries.Add((name, Deflate(bytes), Crc32(bytes), bytes.Length));
        return this;
    }

    /// <summary>
    /// An entry of <paramref name="prefix"/>, then <paramref name="repeated"/> <paramref name="times"/>
    /// times, then <paramref name="suffix"/>, deflated without ever being built: each piece is
    /// compressed once on its own and the repeated piece's bytes are written again and again. The
    /// declared size is the true one unless <paramref name="declaredSize"/> says otherwise; the CRC is
    /// not computed (no reader gets that far).
    /// </summary>
    public TestZip AddRepeated(string name, string prefix, string repeated, long times, string suffix, long? declaredSize = null)
    {
        var head = Segment(Encoding.UTF8.GetBytes(prefix), final: false);
        var unit = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, Math.Max(1, (1 << 22) / repeated.Length))));
        var body = Segment(unit, final: false);
        var unitRepeats = unit.Length / Encoding.UTF8.GetByteCount(repeated);
        var copies = times / unitRepeats;
        var rest = string.Concat(Enumerable.Repeat(repeated, (int)(times % unitRepeats)));
        var tail = Segment(Encoding.UTF8.GetBytes(rest + suffix), final: true);
        using var data = new MemoryStream();
        data.Write(head);
        for (long i = 0; i < copies; i++) data.Write(body);
        data.Write(tail);
        var size = Encoding.UTF8.GetByteCount(prefix) + (copies * unit.Length) + Encoding.UTF8.GetByteCount(rest + suffix);
        entries.Add((name, data.ToArray(), 0, declaredSize ?? size));
        return this;
    }

    /// <summary>The size the entries would inflate to, as declared.</summary>
    public long DeclaredTotal => entries.Sum(e => e.DeclaredSize);

    public string Save(string path)
    {
        using var file = File.Create(path);
        using var writer = new BinaryWriter(file);
        var offsets = new List<long>();
        foreach (var (name, data, crc, size) in entries)
        {
            offsets.Add(file.Position);
            var nameBytes = Encoding.UTF8.GetBytes(name);
            writer.Write(0x04034b50u);
            writer.Write((ushort)20);           // version needed
            writer.Write((ushort)0x0800);       // UTF-8 names
            writer.Write((ushort)8);            // deflate
            writer.Write(0u);                   // time and date
            writer.Write(crc);
            writer.Write(checked((uint)data.Length));
            writer.Write(checked((uint)size));
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);
            writer.Write(nameBytes);
            writer.Write(data);
        }
        var directory = file.Position;
        for (var i = 0; i < entries.Count; i++)
        {
            var (name, data, crc, size) = entries[i];
            var nameBytes = Encoding.UTF8.GetBytes(name);
            writer.Write(0x02014b50u);
            writer.Write((ushort)20);
            writer.Write((ushort)20);
            writer.Write((ushort)0x0800);
            writer.Write((ushort)8);
            writer.Write(0u);
            writer.Write(crc);
            writer.Write(checked((uint)data.Length));
            writer.Write(checked((uint)size));
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);            // extra
            writer.Write((ushort)0);            // comment
            writer.Write((ushort)0);            // disk
            writer.Write((ushort)0);            // internal attributes
            writer.Write(0u);                   // external attributes
            writer.Write(checked((uint)offsets[i]));
            writer.Write(nameBytes);
        }
        var directorySize = file.Position - directory;
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)entries.Count);
        writer.Write((ushort)entries.Count);
        writer.Write(checked((uint)directorySize));
        writer.Write(checked((uint)directory));
        writer.Write((ushort)0);
        return path;
    }

    private static byte[] Deflate(byte[] bytes) => Segment(bytes, final: true);

    /// <summary>
    /// Deflated bytes that stand on their own: a non-final segment ends with a sync flush (byte
    /// aligned, no reference to what came before), so segments can be joined and repeated.
    /// </summary>
    private static byte[] Segment(byte[] bytes, bool final)
    {
        using var output = new MemoryStream();
        var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(bytes);
        if (final)
        {
            deflate.Dispose();
            return output.ToArray();
        }
        deflate.Flush();
        var segment = output.ToArray();
        deflate.Dispose();
        return segment;
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }
}

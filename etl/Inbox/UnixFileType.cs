using System.Runtime.InteropServices;

namespace Warehouse.Etl.Inbox;

/// <summary>
/// Tells a regular file from a pipe, socket or device without opening it (opening a pipe would
/// block until someone writes to it). .NET reports those as ordinary files, so this asks the C
/// library's <c>lstat</c> on Linux; elsewhere every non-directory, non-link entry counts as regular.
/// </summary>
internal static partial class UnixFileType
{
    private const uint TypeMask = 0xF000;
    private const uint RegularFile = 0x8000;

    internal static bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        // st_mode's offset in struct stat: 24 on x86-64, 16 on 64-bit ARM (glibc).
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (modeOffset < 0) return true;
        Span<byte> buffer = stackalloc byte[256];
        if (Lstat(path, ref MemoryMarshal.GetReference(buffer)) != 0) return false;
        var mode = BitConverter.ToUInt32(buffer.Slice(modeOffset, 4));
        return (mode & TypeMask) == RegularFile;
    }

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Lstat(string path, ref byte buffer);
}

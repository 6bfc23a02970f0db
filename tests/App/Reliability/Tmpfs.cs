using System.Diagnostics;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// A tiny file system of its own (Linux tmpfs), for a disk that fills up. Mounting needs root
/// (CAP_SYS_ADMIN); where that is not allowed, tests that need one are skipped and say why.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private static readonly Lazy<string?> WhyNot = new(Probe);
    private readonly string path;

    private Tmpfs(string path) => this.path = path;

    /// <summary>Why a tmpfs cannot be mounted here, or null when it can.</summary>
    internal static string? Unavailable => WhyNot.Value;

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> at <paramref name="path"/> (created if need be).</summary>
    internal static Tmpfs Mount(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0755", "tmpfs", path);
        return code == 0 ? new Tmpfs(path) : throw new InvalidOperationException($"mount failed: {error}");
    }

    public void Dispose()
    {
        var (code, error) = Run("umount", path);
        if (code != 0) throw new InvalidOperationException($"umount {path} failed: {error}");
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "A tmpfs is a Linux file system.";
        if (!Environment.IsPrivilegedProcess) return "Mounting a tmpfs needs root; FullDiskTests' file-size-limit tests cover a full disk without it.";
        var probe = Path.Combine(Path.GetTempPath(), "warehouse-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            var (code, error) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe);
            if (code != 0) return $"A tmpfs cannot be mounted here (mount said: {error.Trim()}); FullDiskTests' file-size-limit tests cover a full disk without it.";
            Run("umount", probe);
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"mount could not be run: {e.Message}";
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    private static (int Code, string Error) Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}

/// <summary>A fact that needs its own tmpfs: skipped, saying why, where one cannot be mounted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.Unavailable is { } reason) Skip = reason;
    }
}

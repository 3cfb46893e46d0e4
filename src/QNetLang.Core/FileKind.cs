using System.Runtime.InteropServices;

namespace QNetLang.Core;

/// <summary>
/// Tells regular files from devices, pipes and sockets before a file is opened. Opening a
/// named pipe blocks until someone writes to it, and a device such as <c>/dev/zero</c> reports
/// a length of 0 but never ends, so neither the size check nor the read would stop them.
/// .NET exposes no file type, so on Linux and macOS this asks <c>stat(2)</c> directly.
/// </summary>
public static class FileKind
{
    private const uint TypeMask = 0xF000;     // S_IFMT
    private const uint Regular = 0x8000;      // S_IFREG
    private const uint Directory = 0x4000;    // S_IFDIR

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (or its type cannot be told on this
    /// platform), otherwise what it is, for a message: "a named pipe", "a character device"…
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (ModeOffset() is not { } offset) return null;
        // Larger than struct stat on every supported platform (144 bytes on x64 Linux).
        var buffer = new byte[512];
        if (stat(path, buffer) != 0) return null; // Missing or unreadable: the caller's open reports why.
        uint mode = OperatingSystem.IsMacOS() ? BitConverter.ToUInt16(buffer, offset) : BitConverter.ToUInt32(buffer, offset);
        return (mode & TypeMask) switch
        {
            Regular => null,
            Directory => "a directory",
            0x1000 => "a named pipe",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    /// <summary>Where <c>st_mode</c> sits in <c>struct stat</c>, for the layouts this knows.</summary>
    private static int? ModeOffset()
    {
        if (OperatingSystem.IsLinux())
        {
            return RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => 24,   // st_dev, st_ino, st_nlink (8 bytes each), st_mode
                Architecture.Arm64 => 16, // st_dev, st_ino (8 bytes each), st_mode
                _ => null,
            };
        }
        if (OperatingSystem.IsMacOS()) return 4; // 64-bit inode layout: st_dev (4 bytes), st_mode (2 bytes)
        return null;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}

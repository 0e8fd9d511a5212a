using System.Runtime.InteropServices;

namespace Interphase.Reporting;

/// <summary>What a path names on disk.</summary>
internal enum FileKind { Missing, Regular, Directory, CharacterDevice, Fifo, BlockDevice, Socket, Other }

/// <summary>
/// What a path refers to on disk: its canonical path (every symbolic link resolved) and, on Linux, the device and
/// inode of the file, so two names of one file (symbolic links, hard links, <c>./x</c> and <c>x</c>) compare equal.
/// </summary>
internal readonly record struct FileIdentity(string CanonicalPath, ulong Device, ulong Inode, bool HasInode)
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>True when both name the same file.</summary>
    public bool SameAs(FileIdentity other) =>
        string.Equals(CanonicalPath, other.CanonicalPath, PathComparison)
        || (HasInode && other.HasInode && Device == other.Device && Inode == other.Inode);

    /// <summary>The identity of <paramref name="path"/> (which need not exist).</summary>
    public static FileIdentity Of(string path)
    {
        string canonical = Canonical(path);
        return Unix.TryStat(canonical, out ulong dev, out ulong ino)
            ? new FileIdentity(canonical, dev, ino, true)
            : new FileIdentity(canonical, 0, 0, false);
    }

    /// <summary>
    /// What <paramref name="path"/> is (following symbolic links): missing, a regular file, a folder or a special file.
    /// Only Linux tells special files apart; elsewhere every existing non-folder is <see cref="FileKind.Regular"/>.
    /// </summary>
    public static FileKind KindOf(string path)
    {
        if (Unix.TryMode(path, out uint mode))
            return (mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 => FileKind.CharacterDevice,
                0x1000 => FileKind.Fifo,
                0x6000 => FileKind.BlockDevice,
                0xC000 => FileKind.Socket,
                _ => FileKind.Other,
            };
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>
    /// The file a write to <paramref name="path"/> lands in: the final target when the path is a symbolic link
    /// (even a dangling one), else the path itself; always a full path.
    /// </summary>
    public static string FinalTarget(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a link loop: the write itself reports it
        }
    }

    private static string Canonical(string path)
    {
        string full = Path.GetFullPath(path);
        if (Unix.RealPath(full) is { } real) return real;
        // Missing file: canonicalise the folder and resolve the name if it is a (dangling) link.
        string target = FinalTarget(full);
        string? dir = Path.GetDirectoryName(target);
        if (string.IsNullOrEmpty(dir) || dir == target) return target;
        return Path.Combine(Canonical(dir), Path.GetFileName(target));
    }

    private static class Unix
    {
        private static readonly bool Supported = OperatingSystem.IsLinux()
            && RuntimeInformation.OSArchitecture is Architecture.X64 or Architecture.Arm64;

        [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
        private static extern IntPtr realpath(string path, IntPtr resolved);

        [DllImport("libc", EntryPoint = "free")]
        private static extern void free(IntPtr p);

        [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
        private static extern int stat(string path, byte[] buffer);

        [DllImport("libc", EntryPoint = "__xstat", SetLastError = true)]
        private static extern int xstat(int version, string path, byte[] buffer);

        public static string? RealPath(string path)
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
            try
            {
                IntPtr p = realpath(path, IntPtr.Zero);
                if (p == IntPtr.Zero) return null;
                try { return Marshal.PtrToStringUTF8(p); }
                finally { free(p); }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        // Linux x86-64 and arm64 both start struct stat with st_dev (8 bytes) then st_ino (8 bytes).
        public static bool TryStat(string path, out ulong device, out ulong inode)
        {
            device = inode = 0;
            if (!Stat(path, out var buffer)) return false;
            device = BitConverter.ToUInt64(buffer, 0);
            inode = BitConverter.ToUInt64(buffer, 8);
            return true;
        }

        // st_mode follows st_nlink (8 bytes) on x86-64, and directly follows st_ino on arm64 (the generic layout).
        public static bool TryMode(string path, out uint mode)
        {
            mode = 0;
            if (!Stat(path, out var buffer)) return false;
            mode = BitConverter.ToUInt32(buffer, RuntimeInformation.OSArchitecture == Architecture.X64 ? 24 : 16);
            return true;
        }

        private static bool Stat(string path, out byte[] buffer)
        {
            buffer = new byte[512];
            if (!Supported) return false;
            int rc;
            try
            {
                try { rc = stat(path, buffer); }
                catch (EntryPointNotFoundException) { rc = xstat(RuntimeInformation.OSArchitecture == Architecture.X64 ? 1 : 0, path, buffer); }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
            return rc == 0;
        }
    }
}

namespace TicketPlatform.Common;

/// <summary>
/// Directories and files that only the service's own OS user may open (0700, 0600): the data directory and
/// what it holds. They are created with that mode, never chmod'ed afterwards, so nobody else can open them in between.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the directory and any missing parents as 0700; an existing directory is left as it is.</summary>
    public static DirectoryInfo CreateDirectory(string path) =>
        OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, DirectoryMode);

    /// <summary>Creates a new file as 0600 (fails if it exists).</summary>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// The file's mode in octal (<c>0644</c>) when group or others have any permission on it; null when only the owner
    /// has (and always on Windows, which has no such bits).
    /// </summary>
    public static string? ExposedMode(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & GroupOrOthers) == 0 ? null : Convert.ToString((int)mode, 8).PadLeft(4, '0');
    }
}

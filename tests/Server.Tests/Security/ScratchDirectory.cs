namespace Tributary.Server.Tests.Security;

/// <summary>A temporary directory anyone may write to (an unprivileged child writes its findings there); deleted when disposed.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    private ScratchDirectory(string path) => Path = path;

    public string Path { get; }

    public static ScratchDirectory Create()
    {
        var directory = Directory.CreateTempSubdirectory("tributary-scratch-");
        if (!OperatingSystem.IsWindows())
        {
            // rwxrwxrwx, set after creation because the umask takes bits off at creation.
            File.SetUnixFileMode(directory.FullName, (UnixFileMode)0x1FF);
        }

        return new ScratchDirectory(directory.FullName);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}

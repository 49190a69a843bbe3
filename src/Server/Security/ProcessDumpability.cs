using System.Runtime.InteropServices;

namespace Tributary.Server.Security;

/// <summary>
/// Makes the process non-dumpable on Linux (<c>prctl(PR_SET_DUMPABLE, 0)</c>): <c>/proc/&lt;pid&gt;/environ</c>,
/// <c>mem</c> and the other private files then belong to root, so another process of the same user (a stdio MCP
/// server Tributary started, or anything else running as that user) cannot read the tokens and API keys in
/// Tributary's environment, nor attach to it with ptrace. It also means no core dumps and no <c>dotnet-dump</c>.
/// </summary>
/// <remarks>
/// Done once, first thing in <c>Main</c>, rather than per command: the secrets are in the environment from the
/// first instruction, and every command can start stdio servers (<c>serve</c>, <c>tools</c>, <c>servers try</c>,
/// <c>agents run</c>, <c>review</c>), so a command added later cannot forget it. Children are not affected:
/// <c>execve</c> makes a new program dumpable again, and they get a curated environment anyway.
/// </remarks>
internal static class ProcessDumpability
{
    private const int PrSetDumpable = 4;

    /// <summary>Makes this process non-dumpable; returns a warning to show when that failed, else <see langword="null"/>.</summary>
    public static string? Disable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return Prctl(PrSetDumpable, 0, 0, 0, 0) == 0
            ? null
            : $"warning: could not make the process non-dumpable (prctl failed, errno {Marshal.GetLastPInvokeError()}); other processes of the same user may be able to read its environment, with every token in it";
    }

    // DllImport, not LibraryImport: every argument is blittable, so no marshalling code (and no unsafe) is needed.
    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}

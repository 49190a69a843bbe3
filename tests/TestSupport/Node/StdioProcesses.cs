using System.Text;

namespace Tributary.TestSupport.Node;

/// <summary>
/// Finds the processes Tributary started over stdio by a marker variable the test put in their environment (tests run
/// in parallel, so "a node child of this process" is not precise enough); a child's own children inherit it, so a
/// whole process tree is found. Linux only: it reads <c>/proc</c>.
/// </summary>
public static class StdioProcesses
{
    /// <summary>The environment variable that carries the marker.</summary>
    public const string MarkerVariable = "TRIBUTARY_TEST_MARKER";

    /// <summary>Creates a marker no other test uses.</summary>
    /// <returns>The marker.</returns>
    public static string NewMarker() => Guid.NewGuid().ToString("N");

    /// <summary>Finds the live processes whose environment holds <c>TRIBUTARY_TEST_MARKER=<paramref name="marker"/></c>.</summary>
    /// <param name="marker">The marker from <see cref="NewMarker"/>.</param>
    /// <returns>Their process ids.</returns>
    public static IReadOnlyList<int> WithMarker(string marker)
    {
        var wanted = $"{MarkerVariable}={marker}";
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || !IsAlive(pid))
            {
                continue;
            }

            try
            {
                var environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, "environ")));
                if (environment.Split('\0').Contains(wanted, StringComparer.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's process.
            }
        }

        return found;
    }

    /// <summary>Describes what is still alive after a shutdown: any of <paramref name="pids"/>, and any process with the marker.</summary>
    /// <param name="marker">The marker from <see cref="NewMarker"/>.</param>
    /// <param name="pids">The processes seen before the shutdown.</param>
    /// <returns>One <c>pid: command line</c> line per survivor; empty when all ended.</returns>
    public static IReadOnlyList<string> Survivors(string marker, IEnumerable<int> pids) =>
        [.. pids.Where(IsAlive).Union(WithMarker(marker)).Select(pid => $"{pid}: {CommandLine(pid)}")];

    /// <summary>Finds the single live process with the marker.</summary>
    /// <param name="marker">The marker from <see cref="NewMarker"/>.</param>
    /// <returns>Its process id.</returns>
    /// <exception cref="InvalidOperationException">There is none, or there are several.</exception>
    public static int SingleWithMarker(string marker) => WithMarker(marker) switch
    {
        [var pid] => pid,
        var pids => throw new InvalidOperationException($"expected one process with marker {marker}, found {pids.Count}: {string.Join(", ", pids)}"),
    };

    /// <summary>Reads the command line of a process.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>Its arguments separated by spaces, or <c>(gone)</c> when it has ended.</returns>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(gone)";
        }
    }

    /// <summary>Tells whether a process exists and is not a zombie waiting to be reaped.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>Whether it is alive.</returns>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state follows the command name, which is in parentheses and may contain spaces.
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

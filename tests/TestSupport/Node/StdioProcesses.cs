using System.Text;

namespace Tributary.TestSupport.Node;

/// <summary>
/// Finds the processes a manager started over stdio by a marker variable the test put in their
/// environment (tests run in parallel, so "a node child of this process" is not precise enough).
/// Linux only: it reads <c>/proc</c>.
/// </summary>
public static class StdioProcesses
{
    /// <summary>The variable a test sets in a stdio server's <c>env</c> to find its processes.</summary>
    public const string MarkerVariable = "TRIBUTARY_TEST_MARKER";

    /// <summary>A marker value no other test uses.</summary>
    public static string NewMarker() => Guid.NewGuid().ToString("N");

    /// <summary>The live processes whose environment holds <c>TRIBUTARY_TEST_MARKER=<paramref name="marker"/></c>.</summary>
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

    /// <summary>The single live process with the marker; fails the test if there is none or several.</summary>
    public static int SingleWithMarker(string marker)
    {
        var found = WithMarker(marker);
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"expected one live process with {MarkerVariable}={marker}, found {found.Count}");
    }

    /// <summary>The command line of <paramref name="pid"/>, arguments separated by spaces.</summary>
    public static string CommandLine(int pid) =>
        File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

    /// <summary>Whether <paramref name="pid"/> exists and is not a zombie waiting to be reaped.</summary>
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

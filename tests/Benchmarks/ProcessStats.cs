using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>CPU time and memory of other processes and their children, read from /proc (Linux).</summary>
internal static class ProcessStats
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User + system CPU time the process (all its threads, not its children) consumed so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The CPU time of every live descendant of the process (not the process itself).</summary>
    public static TimeSpan ChildrenCpuTime(int pid) =>
        Descendants(pid).Aggregate(TimeSpan.Zero, (sum, child) => sum + SafeCpuTime(child));

    /// <summary>Resident memory now (VmRSS) and at its peak (VmHWM), in MiB.</summary>
    public static (double RssMb, double PeakMb) Memory(int pid) => (Read(pid, "VmRSS"), Read(pid, "VmHWM"));

    /// <summary>Resident memory of every live descendant of the process, in MiB.</summary>
    public static double ChildrenRssMb(int pid) => Descendants(pid).Sum(child => Read(child, "VmRSS"));

    /// <summary>The process's live descendants, from /proc/PID/task/TID/children.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var parent))
        {
            var tasks = $"/proc/{parent}/task";
            if (!Directory.Exists(tasks))
            {
                continue;
            }

            foreach (var task in Directory.EnumerateDirectories(tasks))
            {
                string children;
                try
                {
                    children = File.ReadAllText(Path.Combine(task, "children"));
                }
                catch (IOException)
                {
                    continue; // the thread ended meanwhile
                }

                foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var id = int.Parse(child, CultureInfo.InvariantCulture);
                    found.Add(id);
                    pending.Enqueue(id);
                }
            }
        }

        return found;
    }

    private static TimeSpan SafeCpuTime(int pid)
    {
        try
        {
            return CpuTime(pid);
        }
        catch (IOException)
        {
            return TimeSpan.Zero; // exited meanwhile
        }
    }

    private static double Read(int pid, string key)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status")
                .Where(l => l.StartsWith(key, StringComparison.Ordinal))
                .Select(l => double.Parse(l[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024)
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

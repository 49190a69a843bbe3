using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>CPU time and memory of another process, read from /proc (Linux).</summary>
internal static class ProcessStats
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User + system CPU time consumed so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Resident memory now (VmRSS) and at its peak (VmHWM), in MiB.</summary>
    public static (double RssMb, double PeakMb) Memory(int pid)
    {
        double Read(string key) => File.ReadLines($"/proc/{pid}/status")
            .Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault();
        return (Read("VmRSS"), Read("VmHWM"));
    }
}

using System.Globalization;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// CPU time from Linux's /proc: another process's (user + system, all threads) and the whole
/// machine's busy time. Both count in clock ticks of 1/100 s (USER_HZ), so windows of several
/// seconds are needed for a precise figure.
/// </summary>
internal static class ProcStat
{
    private const double TicksPerSecond = 100;

    /// <summary>CPU time used so far by process <paramref name="pid"/>.</summary>
    public static TimeSpan ProcessCpu(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may contain spaces or parentheses: fields are counted after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Busy and total CPU time of the machine, over all cores.</summary>
    public static (TimeSpan Busy, TimeSpan Total) MachineCpu()
    {
        using var reader = new StreamReader("/proc/stat");
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        for (var i = 1; i < fields.Length; i++)
        {
            total += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }
        // idle + iowait are the only fields in which the CPU did no work.
        var idle = long.Parse(fields[4], CultureInfo.InvariantCulture) + long.Parse(fields[5], CultureInfo.InvariantCulture);
        return (TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }
}

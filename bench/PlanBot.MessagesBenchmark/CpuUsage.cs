using System.Globalization;

namespace PlanBot.MessagesBenchmark;

/// <summary>
/// CPU time as Linux accounts it in /proc: per process (all threads, user + system) and for the whole machine, in
/// clock ticks (USER_HZ, usually 100 per second).
/// </summary>
internal static class CpuUsage
{
    /// <summary>The process's user + system time so far, in ticks; null once it has gone.</summary>
    public static long? ProcessTicks(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may itself hold spaces or ')'; the fields after the last
        // ')' start at field 3, so utime (field 14) and stime (field 15) are the 12th and 13th of them.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The machine's busy and total ticks so far, summed over all cores (first line of /proc/stat).</summary>
    public static (long Busy, long Total)? MachineTicks()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
            var idle = values[3] + values[4]; // idle + iowait
            var total = values.Sum();
            return (total - idle, total);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}

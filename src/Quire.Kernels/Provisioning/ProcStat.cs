using System.Globalization;

namespace Quire.Kernels.Provisioning;

/// <summary>
/// The fields of <c>/proc/&lt;pid&gt;/stat</c> that tell a live process from a dead one and from a later process that
/// got the same pid: state, process group and start time (clock ticks since boot, fixed for a process's life).
/// </summary>
internal sealed record ProcStat(int Pid, char State, int ProcessGroup, long StartTicks)
{
    public bool IsZombie => State is 'Z' or 'X' or 'x';

    /// <summary>The process's stat, or null when there is no such process (or no /proc).</summary>
    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid pgrp ..." where comm may hold spaces and parentheses: split after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20)
        {
            return null;
        }

        // fields[0] is stat field 3 (state), [2] field 5 (pgrp), [19] field 22 (starttime).
        return new ProcStat(
            pid,
            fields[0][0],
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }
}

using System.Globalization;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// The descendants of a process (children, grandchildren, ...) as they were when taken, read from <c>/proc</c>, each
/// with its start time so a process id reused later is never mistaken for one of them. A process killed with SIGKILL
/// cannot stop its children, and once orphaned they are no longer in its tree: the snapshot, taken before the kill,
/// is how a test finds them and stops them by their ids.
/// </summary>
internal sealed class ProcessTreeSnapshot
{
    private readonly IReadOnlyList<(int Id, ulong StartTime, string Name)> processes;

    private ProcessTreeSnapshot(IReadOnlyList<(int Id, ulong StartTime, string Name)> processes) => this.processes = processes;

    /// <summary>Takes the descendants of <paramref name="rootId"/> now (none off Linux).</summary>
    public static ProcessTreeSnapshot Of(int rootId)
    {
        var all = Directory.Exists("/proc")
            ? Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var id) ? Read(id) : null).OfType<ProcessStat>().ToList()
            : [];
        var children = all.ToLookup(p => p.ParentId);
        var found = new List<(int, ulong, string)>();
        var pending = new Queue<int>([rootId]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in children[parent])
            {
                found.Add((child.Id, child.StartTime, child.Name));
                pending.Enqueue(child.Id);
            }
        }

        return new ProcessTreeSnapshot(found);
    }

    /// <summary>The ones still running (same id, same start time), by name.</summary>
    public IReadOnlyList<string> Running() => [.. processes.Where(IsRunning).Select(p => $"{p.Name} ({p.Id})")];

    /// <summary>Kills, by id, each one still running.</summary>
    public void KillRunning()
    {
        foreach (var process in processes.Where(IsRunning))
        {
            try
            {
                using var running = Process.GetProcessById(process.Id);
                running.Kill();
            }
            catch (ArgumentException)
            {
                // It exited between the check and the kill.
            }
        }
    }

    private static bool IsRunning((int Id, ulong StartTime, string Name) process) =>
        Read(process.Id) is { } now && now.StartTime == process.StartTime && now.State != 'Z';

    /// <summary>Fields of <c>/proc/ID/stat</c>: the name is in parentheses and may hold spaces, so fields are counted after its closing one.</summary>
    private static ProcessStat? Read(int id)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{id}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // Gone, or not ours to read.
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        // After ") ": state (field 3), ppid (4), ... starttime (22).
        var fields = text[(close + 2)..].Split(' ');
        return new ProcessStat(
            id,
            text[(open + 1)..close],
            fields[0][0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            ulong.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    private sealed record ProcessStat(int Id, string Name, char State, int ParentId, ulong StartTime);
}

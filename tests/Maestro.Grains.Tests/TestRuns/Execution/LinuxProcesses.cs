namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>What <c>/proc</c> says about a process the tests started.</summary>
internal static class LinuxProcesses
{
    /// <summary>Alive and not a zombie waiting for a parent to reap it.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}

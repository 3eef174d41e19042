using System.Diagnostics;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>
/// Finds the Chromium main process a fixture started, through /proc: the chromium carrying the fixture's marker switch
/// whose parent is not a chromium (its renderers and helpers are), started by ChromeDriver (Selenium) or not
/// (Playwright's driver). Lets a test crash one browser by its PID while other tests run browsers of their own.
/// </summary>
internal static class BrowserProcesses
{
    public static int MainBrowser(string marker, bool byChromeDriver)
    {
        var processes = new Dictionary<int, (int Parent, string Name, string CommandLine)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string stat;
            string commandLine;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // The process ended while the list was read, or is not ours to read.
            }

            // "pid (comm) state ppid ...": comm may hold spaces, so read around the last parenthesis.
            var close = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(') + 1)..close];
            var parent = int.Parse(stat[(close + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            processes[pid] = (parent, name, commandLine);
        }

        return processes.Single(kv => kv.Value.Name == "chromium" && kv.Value.CommandLine.Contains(marker, StringComparison.Ordinal)
            && processes.TryGetValue(kv.Value.Parent, out var parent) && parent.Name != "chromium" && (parent.Name == "chromedriver") == byChromeDriver).Key;
    }

    public static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }
}

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// The keys a <c>press</c> step may name: one character or a key name, optionally after modifiers
/// (<c>Control+a</c>, <c>Shift+Tab</c>). Names follow Playwright's; Selenium gets the same key through its own codes.
/// </summary>
public static class JourneyKeys
{
    private static readonly string[] Modifiers = ["Shift", "Control", "Alt", "Meta"];

    private static readonly Dictionary<string, string> SeleniumCodes = new(StringComparer.Ordinal)
    {
        ["Enter"] = OpenQA.Selenium.Keys.Enter,
        ["Tab"] = OpenQA.Selenium.Keys.Tab,
        ["Escape"] = OpenQA.Selenium.Keys.Escape,
        ["Backspace"] = OpenQA.Selenium.Keys.Backspace,
        ["Delete"] = OpenQA.Selenium.Keys.Delete,
        ["Space"] = OpenQA.Selenium.Keys.Space,
        ["ArrowUp"] = OpenQA.Selenium.Keys.ArrowUp,
        ["ArrowDown"] = OpenQA.Selenium.Keys.ArrowDown,
        ["ArrowLeft"] = OpenQA.Selenium.Keys.ArrowLeft,
        ["ArrowRight"] = OpenQA.Selenium.Keys.ArrowRight,
        ["Home"] = OpenQA.Selenium.Keys.Home,
        ["End"] = OpenQA.Selenium.Keys.End,
        ["PageUp"] = OpenQA.Selenium.Keys.PageUp,
        ["PageDown"] = OpenQA.Selenium.Keys.PageDown,
        ["Shift"] = OpenQA.Selenium.Keys.Shift,
        ["Control"] = OpenQA.Selenium.Keys.Control,
        ["Alt"] = OpenQA.Selenium.Keys.Alt,
        ["Meta"] = OpenQA.Selenium.Keys.Meta,
    };

    /// <summary>The key names besides single characters.</summary>
    public static IEnumerable<string> Names => SeleniumCodes.Keys.Except(Modifiers);

    public static bool IsValid(string key) => TrySplit(key, out _, out _);

    /// <summary>The key as Selenium's SendKeys takes it: modifier codes (held until the call ends) and then the key.</summary>
    public static string ToSelenium(string key)
    {
        if (!TrySplit(key, out var modifiers, out var main))
        {
            throw new ArgumentException($"'{key}' is not a key a press step can name", nameof(key));
        }

        return string.Concat(modifiers.Select(m => SeleniumCodes[m])) + (main.Length == 1 ? main : SeleniumCodes[main]);
    }

    private static bool TrySplit(string key, out IReadOnlyList<string> modifiers, out string main)
    {
        // "+" alone, or ending a combination ("Shift++"), is the plus key itself.
        var parts = key.Length > 1 && key.EndsWith("++", StringComparison.Ordinal)
            ? [.. key[..^2].Split('+'), "+"]
            : key == "+" ? ["+"] : key.Split('+');
        modifiers = parts[..^1];
        main = parts[^1];
        return modifiers.All(m => Modifiers.Contains(m, StringComparer.Ordinal))
            && (main.Length == 1 || (SeleniumCodes.ContainsKey(main) && !Modifiers.Contains(main, StringComparer.Ordinal)));
    }
}

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>The YAML names of the journey actions.</summary>
public static class JourneyActionNames
{
    private static readonly Dictionary<string, JourneyAction> ByName = new(StringComparer.Ordinal)
    {
        ["navigate"] = JourneyAction.Navigate,
        ["click"] = JourneyAction.Click,
        ["fill"] = JourneyAction.Fill,
        ["select"] = JourneyAction.Select,
        ["hover"] = JourneyAction.Hover,
        ["press"] = JourneyAction.Press,
        ["wait-for"] = JourneyAction.WaitFor,
        ["assert-text"] = JourneyAction.AssertText,
        ["assert-visible"] = JourneyAction.AssertVisible,
        ["assert-url"] = JourneyAction.AssertUrl,
        ["assert-count"] = JourneyAction.AssertCount,
        ["assert-attribute"] = JourneyAction.AssertAttribute,
        ["screenshot"] = JourneyAction.Screenshot,
    };

    private static readonly Dictionary<JourneyAction, string> ByAction = ByName.ToDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>Every action name, in the order the README lists them.</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static bool TryParse(string name, out JourneyAction action) => ByName.TryGetValue(name, out action);

    public static string Of(JourneyAction action) => ByAction[action];
}

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>What a journey step does; written in YAML in kebab case (<c>wait-for</c>, <c>assert-text</c>).</summary>
public enum JourneyAction
{
    Navigate,
    Click,
    Fill,
    Select,
    Hover,
    Press,
    WaitFor,
    AssertText,
    AssertVisible,
    AssertUrl,
    AssertCount,
    AssertAttribute,
    Screenshot,
}

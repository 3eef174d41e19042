namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>A locator (or one frame of its chain) did not match exactly one element.</summary>
public sealed class JourneyLocatorMatchException(string locator, int count)
    : Exception(count == 0 ? $"'{locator}' matched no element" : $"'{locator}' matched {count} elements, not one")
{
    /// <summary>The locator, or the frame part of a chain, that did not resolve.</summary>
    public string Locator { get; } = locator;

    /// <summary>How many elements it matched: 0, or 2 and more.</summary>
    public int Count { get; } = count;
}

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// A locator in Maestro's syntax, split into the iframes to enter (outermost first, each a CSS selector) and the locator
/// inside the innermost one. Parse with <see cref="JourneyLocatorSyntax.TryParse"/>.
/// </summary>
/// <param name="Text">The locator as written.</param>
/// <param name="Frames">The <c>frame=CSS</c> parts, outermost first; empty for the top frame.</param>
/// <param name="Target">The locator inside the innermost frame, resolved by the locator resolver script.</param>
public sealed record JourneyLocator(string Text, IReadOnlyList<string> Frames, string Target)
{
    public override string ToString() => Text;
}

using System.Text.RegularExpressions;
using Maestro.Grains.Workflows;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>One step of a journey, with <c>${env.NAME}</c> already substituted.</summary>
/// <param name="Index">The step's position in the journey, from 0.</param>
/// <param name="Action">What the step does.</param>
/// <param name="Position">Where the step is written.</param>
/// <param name="Locator">The element the step acts on or asserts about; null for navigate, assert-url and screenshot.</param>
/// <param name="Argument">navigate: the URL; fill: the value; select: the option's value or label; press: the key;
/// assert-text, assert-url: the expected text; assert-attribute: the expected value; screenshot: the file's name.</param>
/// <param name="Match">assert-text and assert-url: how the text is compared.</param>
/// <param name="Pattern">assert-url with <c>matches</c>: the compiled expression.</param>
/// <param name="AttributeName">assert-attribute: the attribute.</param>
/// <param name="ExpectedCount">assert-count: how many elements must match.</param>
/// <param name="State">wait-for: the state waited for.</param>
/// <param name="Timeout">This step's wait; null takes the journey's, the file's or the adapter's default.</param>
public sealed record JourneyStep(
    int Index,
    JourneyAction Action,
    SourcePosition Position,
    JourneyLocator? Locator,
    string? Argument,
    JourneyTextMatch Match,
    Regex? Pattern,
    string? AttributeName,
    int? ExpectedCount,
    JourneyWaitState State,
    TimeSpan? Timeout)
{
    /// <summary>The action as YAML writes it, e.g. <c>assert-text</c>.</summary>
    public string ActionName => JourneyActionNames.Of(Action);
}

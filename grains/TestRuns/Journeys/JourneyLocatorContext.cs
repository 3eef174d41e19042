namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>Which locator of which step: the key locator references are kept under.</summary>
/// <param name="Suite">The suite the journey belongs to.</param>
/// <param name="Journey">The journey's name.</param>
/// <param name="StepIndex">The step's position in the journey, from 0.</param>
/// <param name="Locator">The locator as the definition writes it.</param>
public sealed record JourneyLocatorContext(string Suite, string Journey, int StepIndex, string Locator);

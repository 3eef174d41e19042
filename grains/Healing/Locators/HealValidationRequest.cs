using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Healing.Locators;

/// <summary>What to validate: the step whose locator was healed, the new locator, and the patched definition when there is one.</summary>
/// <param name="SessionId">The healing session.</param>
/// <param name="Context">The suite, journey, step and original locator.</param>
/// <param name="HealedLocator">The replacement.</param>
/// <param name="PatchedDefinition">The journey YAML with the replacement, or null when the definition was not available.</param>
/// <param name="Url">The page the step failed on.</param>
public sealed record HealValidationRequest(string SessionId, JourneyLocatorContext Context, string HealedLocator, string? PatchedDefinition, string Url);

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>What a journey run needs from its suite and its test run.</summary>
/// <param name="Suite">The suite's name, for the locator observer's context.</param>
/// <param name="BaseUrl">The suite's base URL; a journey's own overrides it.</param>
/// <param name="ArtifactDirectory">An existing folder for screenshots.</param>
/// <param name="Attempt">The run's attempt number, in the screenshot names so a retry does not overwrite the first attempt's files.</param>
public sealed record JourneyRunSettings(string Suite, Uri? BaseUrl, string ArtifactDirectory, int Attempt);

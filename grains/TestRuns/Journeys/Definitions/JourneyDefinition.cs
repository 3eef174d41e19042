using Maestro.Grains.Workflows;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>One journey of a journeys file: a name unique in the file and the steps it runs in a fresh browser context.</summary>
/// <param name="Name">Unique in the file; the test id is the suite's name, a dot and this.</param>
/// <param name="BaseUrl">Overrides the suite's base URL for relative navigations; null keeps the suite's.</param>
/// <param name="StepTimeout">The default wait of this journey's steps; null takes the file's, else the adapter's.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Position">Where the journey is written.</param>
public sealed record JourneyDefinition(string Name, Uri? BaseUrl, TimeSpan? StepTimeout, IReadOnlyList<JourneyStep> Steps, SourcePosition Position);

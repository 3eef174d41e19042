using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>A suite whose journeys are running in this process, as its run gave it.</summary>
/// <param name="Suite">The suite: its journeys YAML, base URL and environment.</param>
/// <param name="ArtifactDirectory">The run's folder for screenshots.</param>
public sealed record ActiveJourneySuite(TestSuiteSpec Suite, string ArtifactDirectory);

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>What a run is: the suite it ran, how its results were produced, and the code and place it ran against.</summary>
/// <param name="Suite">The suite the test belongs to.</param>
/// <param name="Source">The adapter or importer that produced the results, e.g. <c>junit-import</c>.</param>
/// <param name="Environment">Where the run ran.</param>
/// <param name="Branch">The branch the run tested.</param>
/// <param name="Commit">The commit the run tested.</param>
public sealed record TestRunMetadata(string Suite, string Source, string Environment, string Branch, string Commit);

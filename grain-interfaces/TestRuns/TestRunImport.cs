namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>A fully parsed result file to add to a run.</summary>
/// <param name="Metadata">What the run is.</param>
/// <param name="Format">The file's format.</param>
/// <param name="FileName">Where the results came from, kept with the run for traceability.</param>
/// <param name="Tests">The tests in the file.</param>
public sealed record TestRunImport(TestRunMetadata Metadata, ResultFormat Format, string FileName, IReadOnlyList<TestCaseResult> Tests);

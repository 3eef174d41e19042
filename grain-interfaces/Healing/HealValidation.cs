namespace Maestro.GrainInterfaces.Healing;

/// <summary>The re-run of a test with a fix applied.</summary>
/// <param name="Passed">The test passed with the fix.</param>
/// <param name="Evidence">What the run showed, one line each.</param>
/// <param name="DurationMs">How long the run took.</param>
public sealed record HealValidation(bool Passed, IReadOnlyList<string> Evidence, double DurationMs);

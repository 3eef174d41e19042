namespace Maestro.GrainInterfaces.Analytics;

/// <summary>One limit of a quality gate, what the run had, and why it passed or not.</summary>
public sealed record QualityGateCheck(string Name, bool Passed, string Actual, string Limit, string Reason);

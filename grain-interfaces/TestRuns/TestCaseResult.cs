namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>A test as a result file describes it: a stable id and every attempt, in the order they ran.</summary>
/// <param name="TestId">Stable across runs: the class (or file) and the test's name, e.g. <c>com.acme.CartTest.addsItem</c>.</param>
/// <param name="Attempts">Every attempt in the order they ran.</param>
public sealed record TestCaseResult(string TestId, IReadOnlyList<TestAttempt> Attempts);

namespace Maestro.GrainInterfaces.Analytics;

/// <summary>Failures that are the same problem: same exception type and near-identical normalised message.</summary>
/// <param name="ClusterId">Stable: a hash of the exception type and the cluster's representative normalised message.</param>
/// <param name="ExceptionType">The exception type the failures share; empty when none could be found.</param>
/// <param name="Signature">The representative normalised message (numbers, GUIDs, hex, paths and timestamps replaced).</param>
/// <param name="Category">The first category rule that matched, or the default category for the failure kind.</param>
/// <param name="SampleMessage">One member's original message, as it was reported.</param>
/// <param name="TestIds">The tests whose last failing attempt is in the cluster.</param>
public sealed record FailureCluster(
    string ClusterId,
    string ExceptionType,
    string Signature,
    string Category,
    string SampleMessage,
    IReadOnlyList<string> TestIds);

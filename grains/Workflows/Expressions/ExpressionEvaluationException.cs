namespace Maestro.Grains.Workflows;

/// <summary>An expression could not be evaluated while the workflow ran (a skipped step's output, a non-numeric comparison).</summary>
public sealed class ExpressionEvaluationException(string message) : Exception(message);

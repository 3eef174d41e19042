namespace Maestro.Grains.Workflows;

/// <summary>A step attempt failed in a way worth retrying (a non-zero exit code, an unexpected HTTP status, a failed child workflow).</summary>
public sealed class StepFailedException(string message, Exception? inner = null) : Exception(message, inner);

namespace Maestro.Bench;

/// <summary>A command line the bench cannot run; the message says what to change.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>A command could not be started: the program does not exist or is not executable.</summary>
public sealed class CommandStartException(string message, Exception? inner = null) : Exception(message, inner);

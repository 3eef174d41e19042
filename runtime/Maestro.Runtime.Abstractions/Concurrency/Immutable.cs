namespace Maestro.Runtime.Concurrency;

/// <summary>Wraps a value the caller promises not to change, so a call passes it by reference.</summary>
public readonly record struct Immutable<T>(T Value);

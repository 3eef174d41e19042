namespace Maestro.Runtime.Tests.Wire;

/// <summary>A base contract type, to prove a subclass travels as itself.</summary>
public record Shape(string Name);

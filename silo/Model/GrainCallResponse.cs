namespace Maestro.Silo.Model;

/// <summary>The answer of the test-support grain call endpoint.</summary>
/// <param name="Value">What the grain method returned (null for a method returning a plain Task).</param>
/// <param name="Silo">The name of the silo that took the HTTP request (the grain may run on another one).</param>
public sealed record GrainCallResponse(object? Value, string Silo);

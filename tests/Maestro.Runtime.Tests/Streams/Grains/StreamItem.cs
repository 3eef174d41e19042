namespace Maestro.Runtime.Tests.Streams.Grains;

/// <summary>A test event: its number in its stream, and whether consumers must fail on it.</summary>
public sealed record StreamItem(int Number, bool Poison = false, int HandlingDelayMs = 0);

namespace Maestro.Bench.Harness;

/// <summary>One operation of a case: <paramref name="caller"/> is the caller's index, <paramref name="sequence"/> counts its calls.</summary>
internal delegate Task Operation(int caller, int sequence);

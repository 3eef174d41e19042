namespace Maestro.Dashboard;

/// <summary>Whether this silo counts grain calls now; reading it does not switch counting on.</summary>
public sealed record CollectorState(string Silo, bool Collecting);

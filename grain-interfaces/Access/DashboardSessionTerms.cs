namespace Maestro.GrainInterfaces.Access;

/// <summary>The host's dashboard settings a session is held to, sent with each call so every host applies its own.</summary>
/// <param name="Lifetime">How long the session lasts from its last use.</param>
/// <param name="KeyRecheckPeriod">How long the key's last confirmation is trusted before its grain is asked again.</param>
public sealed record DashboardSessionTerms(TimeSpan Lifetime, TimeSpan KeyRecheckPeriod);

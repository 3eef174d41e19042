namespace Maestro.Grains.Healing.Locators;

/// <summary>What one heal attempt gave: the session that records it (null when the locator resolved on a second look) and the locator to retry with.</summary>
public sealed record LocatorHealResult(string? SessionId, string? Locator);

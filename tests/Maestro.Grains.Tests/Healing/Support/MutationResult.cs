namespace Maestro.Grains.Tests.Healing;

/// <summary>What healing did with one mutation case.</summary>
/// <param name="Case">The case.</param>
/// <param name="HealedLocator">The locator it healed to, or null when it refused.</param>
/// <param name="RightElement">It healed, and to the element the case names.</param>
/// <param name="SessionId">The session that recorded it.</param>
public sealed record MutationResult(MutationCase Case, string? HealedLocator, bool RightElement, string? SessionId)
{
    /// <summary>Healed to the right element when a heal was expected; refused when a refusal was.</summary>
    public bool Correct => Case.ExpectsHeal ? RightElement : HealedLocator is null;
}

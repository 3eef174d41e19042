namespace Maestro.Grains.Tests.Healing;

/// <summary>
/// One case of the healing mutation set (Healing/Mutations/*.yaml): a page, the same page changed the way real pages
/// change, the locator a journey used on it, and what healing must do: heal to the given element, or refuse.
/// </summary>
public sealed class MutationCase
{
    public string Name { get; set; } = string.Empty;

    /// <summary>What changed, for people.</summary>
    public string Change { get; set; } = string.Empty;

    public string Locator { get; set; } = string.Empty;

    /// <summary><c>healed</c> or <c>refused</c>.</summary>
    public string Expected { get; set; } = string.Empty;

    /// <summary>When healed: a locator for the right element on the changed page.</summary>
    public string? ExpectedElement { get; set; }

    public string Original { get; set; } = string.Empty;

    public string Mutated { get; set; } = string.Empty;

    /// <summary>Served at /frame.html with the original page, for cases with an iframe.</summary>
    public string? OriginalFrame { get; set; }

    /// <summary>Served at /frame.html with the changed page.</summary>
    public string? MutatedFrame { get; set; }

    public bool ExpectsHeal => Expected == "healed";

    public override string ToString() => Name;
}

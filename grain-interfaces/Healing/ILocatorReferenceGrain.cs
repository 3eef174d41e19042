namespace Maestro.GrainInterfaces.Healing;

/// <summary>
/// One locator's reference (key: <see cref="LocatorReferenceKey.For"/>): the element it found in its last green run,
/// and the replacement locators people rejected, which healing never proposes again for it.
/// </summary>
public interface ILocatorReferenceGrain : IGrainWithStringKey
{
    /// <summary>Keeps the element from a green run, replacing the earlier one.</summary>
    Task SaveAsync(LocatorReference reference);

    /// <summary>The last green run's element, or null when the locator has never resolved.</summary>
    Task<LocatorReference?> GetAsync();

    /// <summary>Never propose <paramref name="locator"/> again as this locator's replacement.</summary>
    Task BlockAsync(string locator);

    /// <summary>The replacements people rejected.</summary>
    Task<IReadOnlyList<string>> GetBlockedAsync();
}

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// Re-runs a test with a healed definition before the heal is kept. The journey runner implements it (it re-runs the
/// journey with the patched YAML); a heal whose validation fails is rolled back.
/// </summary>
public interface IHealValidator
{
    Task<GrainInterfaces.Healing.HealValidation> ValidateAsync(HealValidationRequest request, CancellationToken cancellationToken);
}

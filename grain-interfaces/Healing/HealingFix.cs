namespace Maestro.GrainInterfaces.Healing;

/// <summary>The fix a session chose.</summary>
/// <param name="Strategy">Which strategy found it.</param>
/// <param name="Description">What it changes, in one line.</param>
/// <param name="Confidence">0 to 1; what the confidence policy decides on.</param>
/// <param name="Evidence">What the confidence rests on, one line each.</param>
/// <param name="Replacement">The new value (a locator, a timeout, an expected value, a field name...).</param>
/// <param name="Patch">A unified diff of the definition, when the definition was given and the fix is a change to it.</param>
public sealed record HealingFix(
    HealingStrategy Strategy,
    string Description,
    double Confidence,
    IReadOnlyList<string> Evidence,
    string? Replacement,
    string? Patch);

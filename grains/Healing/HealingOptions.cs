using Maestro.Grains.Healing.Locators;
using Maestro.Grains.Healing.Strategies;

namespace Maestro.Grains.Healing;

/// <summary>Healing's settings (section <c>Maestro:Healing</c>).</summary>
public sealed class HealingOptions
{
    public const string SectionName = "Healing";

    public ConfidencePolicyOptions Policy { get; set; } = new();

    public LocatorScoringOptions Scoring { get; set; } = new();

    public StrategyOptions Strategies { get; set; } = new();

    /// <summary>How much one review moves a term's trust (default 0.15), bounded to [<see cref="MinimumTrust"/>, <see cref="MaximumTrust"/>].</summary>
    public double LearningRate { get; set; } = 0.15;

    /// <summary>Default 0.25: a term is never silenced completely.</summary>
    public double MinimumTrust { get; set; } = 0.25;

    /// <summary>Default 2.</summary>
    public double MaximumTrust { get; set; } = 2.0;

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Policy.Validate();
        Scoring.Validate();
        Strategies.Validate();
        if (LearningRate is < 0 or > 1 || MinimumTrust <= 0 || MaximumTrust < MinimumTrust)
        {
            throw new ArgumentException($"Healing: LearningRate ({LearningRate}) must lie in [0, 1] and 0 < MinimumTrust ({MinimumTrust}) <= MaximumTrust ({MaximumTrust}).");
        }
    }
}

using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>Turns a fix's confidence into what happens to it.</summary>
public static class ConfidencePolicy
{
    public static HealingDecision Decide(double confidence, ConfidencePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return confidence >= options.ApplyAt ? HealingDecision.Apply
            : confidence >= options.ReviewAt ? HealingDecision.ApplyAndReview
            : confidence >= options.ProposeAt ? HealingDecision.ProposeOnly
            : HealingDecision.ReportOnly;
    }

    /// <summary>Applied decisions are validated by a re-run before they are kept.</summary>
    public static bool Applies(HealingDecision decision) => decision is HealingDecision.Apply or HealingDecision.ApplyAndReview;
}

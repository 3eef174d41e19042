namespace Maestro.Runtime;

/// <summary>Why and by what an activation is being deactivated.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description, Exception? Exception = null)
{
    public override string ToString() =>
        Exception is null ? $"{ReasonCode}: {Description}" : $"{ReasonCode}: {Description} ({Exception.GetType().Name}: {Exception.Message})";
}

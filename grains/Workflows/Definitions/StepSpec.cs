namespace Maestro.Grains.Workflows;

/// <summary>The kind-specific settings of a step.</summary>
public abstract record StepSpec
{
    /// <summary>Every string of the spec that may hold <c>${...}</c> expressions, for validation.</summary>
    public abstract IEnumerable<SourceText> Expressions();
}

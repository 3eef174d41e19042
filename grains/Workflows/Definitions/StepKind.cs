namespace Maestro.Grains.Workflows;

/// <summary>What a step does; the YAML key that holds its settings has the same name in lower case.</summary>
public enum StepKind
{
    Http,
    Process,
    Wait,
    Approval,
    Publish,
    Workflow,
    /// <summary>Run a test suite: an extension point for when test runs exist; definitions using it fail validation.</summary>
    Test,
}

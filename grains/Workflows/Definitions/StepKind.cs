namespace Maestro.Grains.Workflows;

/// <summary>What a step does; the YAML key that holds its settings has the same name in lower case (<c>test-suite</c> for <see cref="TestSuite"/>).</summary>
public enum StepKind
{
    Http,
    Process,
    Wait,
    Approval,
    Publish,
    Workflow,
    /// <summary>Run a test suite through test-run execution and wait for the run.</summary>
    TestSuite,
}

using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary><c>junit-command</c>: runs the suite's command and reads <see cref="TestSuiteSpec.ResultFile"/> as JUnit XML (Surefire's reruns included).</summary>
public sealed class JUnitCommandAdapter(BoundedProcessRunner runner, IOptions<TestExecutionOptions> options, IOptions<TestResultsOptions> results)
    : ResultFileCommandAdapter(runner, options, results)
{
    public const string AdapterName = "junit-command";

    public override string Name => AdapterName;

    protected override ResultFormat Format => ResultFormat.JUnit;
}

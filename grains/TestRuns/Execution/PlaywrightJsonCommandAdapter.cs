using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// <c>playwright-json-command</c>: runs the suite's command (e.g. <c>npx playwright test --reporter=json</c> with
/// <c>PLAYWRIGHT_JSON_OUTPUT_NAME</c> in its environment) and reads <see cref="TestSuiteSpec.ResultFile"/> as Playwright's JSON report.
/// </summary>
public sealed class PlaywrightJsonCommandAdapter(BoundedProcessRunner runner, IOptions<TestExecutionOptions> options, IOptions<TestResultsOptions> results)
    : ResultFileCommandAdapter(runner, options, results)
{
    public const string AdapterName = "playwright-json-command";

    public override string Name => AdapterName;

    protected override ResultFormat Format => ResultFormat.Playwright;
}

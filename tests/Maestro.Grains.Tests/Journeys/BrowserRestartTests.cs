using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>A browser that crashed between runs is replaced by a new one on the next run.</summary>
public sealed class BrowserRestartTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    private const string Journey =
        """
        journeys:
          - name: alive
            steps:
              - navigate: /app
              - click: testid=add
              - assert-text: { locator: id=count, equals: "1" }
        """;

    [Theory]
    [InlineData("playwright", false)]
    [InlineData("selenium", true)]
    public async Task A_crashed_browser_is_restarted_on_the_next_run(string adapter, bool byChromeDriver)
    {
        Assert.Equal(TestOutcome.Passed, (await fixture.RunAsync(adapter, Journey))["alive"].Outcome);
        var crashed = BrowserProcesses.MainBrowser(fixture.Marker, byChromeDriver);

        BrowserProcesses.Kill(crashed);

        var attempt = (await fixture.RunAsync(adapter, Journey))["alive"];
        Assert.True(attempt.Outcome == TestOutcome.Passed, attempt.Message);
        Assert.NotEqual(crashed, BrowserProcesses.MainBrowser(fixture.Marker, byChromeDriver));
    }
}

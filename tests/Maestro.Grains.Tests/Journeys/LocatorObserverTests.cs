using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>The locator observer hook on both drivers: told of resolved locators, asked for a replacement, the step retried once with it.</summary>
public sealed class LocatorObserverTests(HealingJourneyFixture fixture) : IClassFixture<HealingJourneyFixture>
{
    [Theory]
    [InlineData("playwright")]
    [InlineData("selenium")]
    public async Task A_replacement_heals_the_step_and_the_attempt_says_so(string adapter)
    {
        var journey = $"healed on {adapter}";
        fixture.Observer.Replacements["testid=old-add"] = "testid=add";

        var attempt = await RunAsync(journey, "click: testid=old-add", "assert-text: { locator: id=count, equals: \"1\" }");

        Assert.Equal(TestOutcome.Passed, attempt.Outcome);
        Assert.Equal("step 2 (click) healed: 'testid=old-add' -> 'testid=add'", attempt.Message);
        Assert.Equal(
            [(new JourneyLocatorContext(JourneyFixture.SuiteName, journey, 1, "testid=old-add"), 0)],
            fixture.Observer.Unresolved.Where(u => u.Context.Journey == journey));
        Assert.Equal(
            [(new JourneyLocatorContext(JourneyFixture.SuiteName, journey, 1, "testid=add"), 1), (new JourneyLocatorContext(JourneyFixture.SuiteName, journey, 2, "id=count"), 1)],
            fixture.Observer.Resolved.Where(r => r.Context.Journey == journey));
        Assert.Equal("\"Journey shop\"", fixture.Observer.Titles[journey]);
    }

    [Theory]
    [InlineData("playwright")]
    [InlineData("selenium")]
    public async Task Without_a_replacement_the_step_fails_and_the_observer_heard_how_many_matched(string adapter)
    {
        var journey = $"unhealed on {adapter}";

        var attempt = await RunAsync(journey, "hover: css=.twin");

        Assert.Equal(TestOutcome.Error, attempt.Outcome);
        Assert.Equal(JourneyFailureTypes.LocatorNotFound, attempt.FailureType);
        Assert.Equal("step 2 (hover 'css=.twin', line 6): 'css=.twin' matched 2 elements, not one", attempt.Message);
        Assert.Equal([(new JourneyLocatorContext(JourneyFixture.SuiteName, journey, 1, "css=.twin"), 2)], fixture.Observer.Unresolved.Where(u => u.Context.Journey == journey));
        Assert.DoesNotContain(fixture.Observer.Resolved, r => r.Context.Journey == journey);
    }

    [Theory]
    [InlineData("playwright")]
    [InlineData("selenium")]
    public async Task A_replacement_that_does_not_resolve_either_fails_the_step_naming_both(string adapter)
    {
        var journey = $"healing failed on {adapter}";
        fixture.Observer.Replacements["testid=gone-too"] = "testid=also-gone";

        var attempt = await RunAsync(journey, "click: testid=gone-too");

        Assert.Equal(TestOutcome.Error, attempt.Outcome);
        Assert.Equal(
            "step 2 (click 'testid=gone-too', line 6): 'testid=also-gone' matched no element (after healing 'testid=gone-too' -> 'testid=also-gone' was tried)",
            attempt.Message);
    }

    /// <summary>Runs a journey of a navigation to /app and the given steps (waits of 300 ms) on the adapter the journey's name ends with.</summary>
    private async Task<TestAttempt> RunAsync(string journey, params string[] steps)
    {
        var yaml = $"timeout: 300ms\njourneys:\n  - name: {journey}\n    steps:\n      - navigate: /app\n" + string.Concat(steps.Select(s => $"      - {s}\n"));
        return (await fixture.RunAsync(journey.Split(' ')[^1], yaml))[journey];
    }
}

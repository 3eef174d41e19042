using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>The adapters' contract: test ids, the tests asked for, unknown ids, broken files that never start, DI registration.</summary>
public sealed class BrowserJourneyAdapterTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    private const string TwoJourneys =
        """
        journeys:
          - name: first
            steps:
              - navigate: /app
              - screenshot: one
          - name: second
            steps:
              - navigate: /app
              - screenshot: two
        """;

    [Theory]
    [InlineData("playwright")]
    [InlineData("selenium")]
    public async Task Lists_stable_ids_and_runs_only_the_journeys_asked_for(string adapter)
    {
        var suite = fixture.Suite(adapter, TwoJourneys);
        var ids = await fixture.Adapter(adapter).ListTestsAsync(suite, TestContext.Current.CancellationToken);
        Assert.Equal(["shop.first", "shop.second"], ids);

        var directory = Directory.CreateDirectory(Path.Combine(fixture.ArtifactDirectory, $"only-{adapter}")).FullName;
        var results = await fixture.Adapter(adapter).RunAsync(suite, ["shop.second", "shop.third"], new("run-2", 1, 2, directory), TestContext.Current.CancellationToken);

        Assert.Equal(["shop.second", "shop.third"], results.Select(r => r.TestId));
        var second = Assert.Single(results[0].Attempts);
        Assert.Equal(TestOutcome.Passed, second.Outcome);
        Assert.Equal([Path.Combine(directory, "second-attempt2-two.png")], second.Attachments);
        var third = Assert.Single(results[1].Attempts);
        Assert.Equal((TestOutcome.Error, JourneyFailureTypes.UnknownJourney), (third.Outcome, third.FailureType));
        Assert.Equal(["second-attempt2-two.png"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("playwright")]
    [InlineData("selenium")]
    public async Task A_broken_file_never_starts(string adapter)
    {
        const string yaml =
            """
            journeys:
              - name: fine
                steps:
                  - navigate: /app
                  - screenshot: before
              - name: broken
                steps:
                  - clik: id=x
            """;
        var directory = Directory.CreateDirectory(Path.Combine(fixture.ArtifactDirectory, $"broken-{adapter}")).FullName;

        var listing = await Assert.ThrowsAsync<JourneyDefinitionException>(() => fixture.Adapter(adapter).ListTestsAsync(fixture.Suite(adapter, yaml), TestContext.Current.CancellationToken));
        var running = await Assert.ThrowsAsync<JourneyDefinitionException>(() =>
            fixture.Adapter(adapter).RunAsync(fixture.Suite(adapter, yaml), null, new("run-3", 0, 1, directory), TestContext.Current.CancellationToken));

        Assert.Equal("shop:8:9: unknown action 'clik' in step 1 of journey 'broken'", listing.Errors.Single().ToString().Split(';')[0]);
        Assert.Equal(listing.Errors, running.Errors);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Theory]
    [InlineData("shop.checkout", "shop.checkout.pay by card", "pay by card")]
    [InlineData("shop.checkout", "shop.checkout.a.b", "a.b")]
    [InlineData("shop.checkout", "shop.checkout.", null)]
    [InlineData("shop.checkout", "shop.checkoutx.pay", null)]
    [InlineData("shop.checkout", "shop.other.pay", null)]
    public void A_journey_name_comes_back_out_of_its_test_id_only_for_its_own_suite(string suite, string testId, string? journey)
    {
        Assert.Equal(journey, BrowserJourneyAdapter.JourneyName(suite, testId));
        if (journey is not null)
        {
            Assert.Equal(testId, BrowserJourneyAdapter.TestId(suite, journey));
        }
    }

    [Fact]
    public async Task AddBrowserJourneys_registers_both_adapters_with_validated_options()
    {
        var services = new ServiceCollection().AddBrowserJourneys(o => o.StepTimeout = TimeSpan.FromSeconds(2));
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Equal(["playwright", "selenium"], provider.GetServices<ITestAdapter>().Select(a => a.Name));
            Assert.Same(provider.GetRequiredService<PlaywrightJourneyAdapter>(), provider.GetServices<ITestAdapter>().First());
        }

        var invalid = new ServiceCollection().AddBrowserJourneys(o => o.ChromiumPath = "chromium");
        await using var broken = invalid.BuildServiceProvider();
        var ex = Assert.ThrowsAny<Exception>(() => broken.GetServices<ITestAdapter>().ToList());
        Assert.Contains("ChromiumPath must be an absolute path", ex.ToString(), StringComparison.Ordinal);
    }
}

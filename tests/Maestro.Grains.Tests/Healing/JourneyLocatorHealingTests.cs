using Maestro.GrainInterfaces.Healing;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Healing;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Healing;

/// <summary>
/// Locator healing inside real journey runs, wired as the silo wires it (<c>AddJourneyLocatorHealing</c>): a green run
/// teaches the references, a changed page is healed during the next run, and the heal is validated by re-running the
/// journey with the patched definition on a fresh Playwright page (for Selenium journeys too).
/// </summary>
public sealed class JourneyLocatorHealingTests : IAsyncLifetime
{
    private readonly HtmlPageServer server = new();
    private readonly string artifacts = Path.Combine(Path.GetTempPath(), "maestro-journey-healing-" + Guid.NewGuid().ToString("N"));
    private InProcessTestCluster cluster = null!;
    private ServiceProvider services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(artifacts);
        cluster = new InProcessTestClusterBuilder().ConfigureHost(host => host.Services.AddHealing().AddTestResults()).Build();
        await cluster.DeployAsync();
        services = new ServiceCollection()
            .AddSingleton<IGrainFactory>(cluster.Client)
            .AddBrowserJourneys(o => o.StepTimeout = TimeSpan.FromSeconds(3))
            .AddHealing()
            .AddJourneyLocatorHealing()
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await cluster.DisposeAsync();
        server.Dispose();
        Directory.Delete(artifacts, recursive: true);
    }

    [Theory]
    [InlineData(PlaywrightJourneyAdapter.AdapterName)]
    [InlineData(SeleniumJourneyAdapter.AdapterName)]
    public async Task A_renamed_button_is_healed_during_the_run_validated_by_a_rerun_of_the_patched_journey_and_the_run_passes(string adapter)
    {
        var suite = Suite($"healed-{adapter}", adapter);
        server.Set("/", CheckoutPage.Html("place-order", "Order placed"));
        Assert.Equal(TestOutcome.Passed, (await RunAsync(suite)).Outcome);
        server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));

        var healed = await RunAsync(suite);

        Assert.Equal(TestOutcome.Passed, healed.Outcome);
        Assert.Equal("step 2 (click) healed: 'id=place-order' -> 'role=button[name=\"Place order\"]'", healed.Message);
        var session = await OnlySessionAsync(suite.Name);
        Assert.Equal((HealingOutcome.Healed, HealingDecision.Apply), (session.Outcome, session.Decision));
        Assert.True(session.Validation!.Passed);
        Assert.Equal(
            "Re-ran journey 'checkout' of suite '" + suite.Name + "' from its start with the patched definition on a fresh page: Passed.",
            Assert.Single(session.Validation.Evidence));
        Assert.Contains("-      - click: id=place-order   # the order button\n+      - click: role=button[name=\"Place order\"]   # the order button\n", session.Fix!.Patch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heal_whose_rerun_fails_is_rolled_back_and_the_run_fails_on_the_original_locator()
    {
        var suite = Suite("rolled-back", PlaywrightJourneyAdapter.AdapterName);
        server.Set("/", CheckoutPage.Html("place-order", "Order placed"));
        Assert.Equal(TestOutcome.Passed, (await RunAsync(suite)).Outcome);
        // The button was renamed and the order flow broke in the same release: healing must not hide the regression.
        server.Set("/", CheckoutPage.Html("submit-order", "Payment failed"));

        var failed = await RunAsync(suite);

        Assert.Equal((TestOutcome.Error, JourneyFailureTypes.LocatorNotFound), (failed.Outcome, failed.FailureType));
        Assert.StartsWith("step 2 (click 'id=place-order', line 5)", failed.Message, StringComparison.Ordinal);
        var session = await OnlySessionAsync(suite.Name);
        Assert.Equal(HealingOutcome.RolledBack, session.Outcome);
        Assert.False(session.Validation!.Passed);
        Assert.Contains(session.Validation.Evidence, e => e.Contains("Payment failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_a_run_the_healer_has_no_definition_and_the_validator_refuses_to_pass_a_heal()
    {
        var validator = services.GetRequiredService<Maestro.Grains.Healing.Locators.JourneyHealValidator>();

        var definition = await validator.GetDefinitionAsync("not-running", "checkout", Ct);
        var validation = await validator.ValidateAsync(
            new("s1", new JourneyLocatorContext("not-running", "checkout", 1, "id=place-order"), "id=submit-order", CheckoutPage.Journeys, server.BaseUrl + "/"), Ct);

        Assert.Null(definition);
        Assert.False(validation.Passed);
        Assert.Equal("Suite 'not-running' is not running in this process, so there is no journey to re-run.", Assert.Single(validation.Evidence));
    }

    private TestSuiteSpec Suite(string name, string adapter) => new(name, adapter, CheckoutPage.Journeys, null, null, null, server.BaseUrl + "/", null, null);

    private async Task<TestAttempt> RunAsync(TestSuiteSpec suite)
    {
        var adapter = services.GetServices<ITestAdapter>().Single(a => a.Name == suite.Adapter);
        var results = await adapter.RunAsync(suite, null, new TestAdapterContext("run", 0, 1, artifacts), Ct);
        return Assert.Single(Assert.Single(results).Attempts);
    }

    private async Task<HealingSessionSnapshot> OnlySessionAsync(string suite)
    {
        var line = Assert.Single(await cluster.Client.GetGrain<IHealingSessionIndexGrain>(suite).ListAsync(10));
        return (await cluster.Client.GetGrain<IHealingSessionGrain>(line.SessionId).GetAsync())!;
    }
}

using System.Diagnostics;
using Maestro.GrainInterfaces.Healing;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Journeys;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// The journey runner's side of locator healing: gives the healer the journeys of the suites running in this process,
/// and validates a heal by re-running its journey from the start with the patched definition, on a fresh page.
/// </summary>
/// <remarks>
/// The re-run always uses the Playwright adapter's Chromium: a Selenium journey that is being healed holds that
/// adapter's one WebDriver session, and both drivers resolve the locator syntax the same way.
/// </remarks>
public sealed class JourneyHealValidator(ActiveJourneySuites suites, IServiceProvider services) : IHealValidator, IJourneyDefinitionSource
{
    public Task<string?> GetDefinitionAsync(string suite, string journey, CancellationToken cancellationToken) =>
        Task.FromResult(suites.Find(suite)?.Suite.Definition);

    public async Task<HealValidation> ValidateAsync(HealValidationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var (suite, journey) = (request.Context.Suite, request.Context.Journey);
        if (suites.Find(suite) is not { } active)
        {
            return new HealValidation(false, [$"Suite '{suite}' is not running in this process, so there is no journey to re-run."], watch.Elapsed.TotalMilliseconds);
        }

        if (request.PatchedDefinition is null)
        {
            return new HealValidation(false, ["The heal could not be written into the journey's definition, so a re-run would not test what would be kept."], watch.Elapsed.TotalMilliseconds);
        }

        var folder = Path.Combine(active.ArtifactDirectory, "healing-validation", request.SessionId);
        Directory.CreateDirectory(folder);

        // Resolved when needed rather than injected: the adapter's locator observer is the healer that owns this validator.
        var adapter = services.GetRequiredService<PlaywrightJourneyAdapter>();
        var attempt = await adapter.RunUnobservedAsync(active.Suite with { Definition = request.PatchedDefinition }, journey, folder, cancellationToken);
        List<string> evidence = [$"Re-ran journey '{journey}' of suite '{suite}' from its start with the patched definition on a fresh page: {attempt.Outcome}."];
        if (attempt.Message is { } message)
        {
            evidence.Add(message);
        }

        return new HealValidation(attempt.Outcome == TestOutcome.Passed, evidence, watch.Elapsed.TotalMilliseconds);
    }
}

using System.Diagnostics;
using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.Healing.Locators;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Healing;

/// <summary>Validates a heal on the page it happened on: the healed locator must match one visible, enabled element.</summary>
public sealed class LivePageValidator(IJourneyPage page) : IHealValidator
{
    public async Task<HealValidation> ValidateAsync(HealValidationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var count = await page.CountAsync(request.HealedLocator, cancellationToken);
        if (count != 1)
        {
            return new HealValidation(false, [$"'{request.HealedLocator}' matches {count} elements on {page.Url}."], watch.Elapsed.TotalMilliseconds);
        }

        var usable = await page.EvaluateOnElementJsonAsync(request.HealedLocator, "(e) => e.checkVisibility() && !e.matches(':disabled')", cancellationToken);
        return new HealValidation(usable == "true", [$"'{request.HealedLocator}' matches one element on {page.Url}; visible and enabled: {usable}."], watch.Elapsed.TotalMilliseconds);
    }
}

using System.Text;
using Maestro.Grains.Healing;
using Maestro.Grains.Healing.Locators;
using Maestro.Grains.TestRuns.Journeys;
using Maestro.Grains.Tests.Healing;
using Maestro.Runtime.TestingHost;
using Microsoft.Playwright;

namespace Maestro.Bench;

/// <summary>
/// The "healing" command. Speed: locator heals on a page of 2,000 elements in real Chromium (capture of every
/// element, scoring, locator generation checked on the page, screenshots, the session written to SQLite, validation
/// on the live page) beside a plain <c>document.querySelector</c> on the same page through the same Playwright
/// connection, alternating for --rounds rounds, best of each. Accuracy: the repository's mutation set
/// (tests/Maestro.Grains.Tests/Healing/Mutations), healed to the right element or refused as each case expects.
/// </summary>
internal static class HealingBenchmark
{
    private const int PageElements = 2000;
    private const int HealsPerRound = 20;
    private const int QueriesPerRound = 500;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var progress = Console.Error;
        var dataDirectory = Path.Combine(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maestro-bench"), Guid.NewGuid().ToString("N"));
        var builder = new InProcessTestClusterBuilder();
        builder.Options.DataDirectory = dataDirectory;
        builder.Options.ServiceId = "bench-healing";
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        using var server = new HtmlPageServer();
        var settings = new HealingOptions();

        var (original, broken, elements) = LargePage();
        var page = await HealingTestPage.OpenAsync(browser);
        var healer = new LocatorHealer(cluster.Client, new LivePageValidator(page), new InMemoryJourneyDefinitions(), Microsoft.Extensions.Options.Options.Create(settings), TimeProvider.System);
        var context = new JourneyLocatorContext("bench", "checkout", 3, "id=place-order");
        server.Set("/", original);
        await page.Page.GotoAsync(server.BaseUrl + "/");
        await healer.OnResolvedAsync(context, page, CancellationToken.None);
        server.Set("/", broken);
        await page.Page.GotoAsync(server.BaseUrl + "/");
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro healing benchmark: a page of {elements:N0} elements in Chromium, {HealsPerRound} heals and {QueriesPerRound} querySelector calls per round, {options.Rounds} rounds. Data in {dataDirectory}"));

        string? healed = null;
        double bestHeal = 0, bestQuery = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var heal = await TimeAsync(async () =>
            {
                for (var i = 0; i < HealsPerRound; i++)
                {
                    healed = (await healer.HealAsync(context, page, 0, CancellationToken.None)).Locator
                        ?? throw new InvalidOperationException("The benchmark page did not heal; the healer's session says why.");
                }
            });
            var query = await TimeAsync(async () =>
            {
                for (var i = 0; i < QueriesPerRound; i++)
                {
                    await page.Page.EvaluateAsync<bool>("() => document.querySelector('#submit-order') !== null");
                }
            });
            bestHeal = Math.Max(bestHeal, HealsPerRound / heal);
            bestQuery = Math.Max(bestQuery, QueriesPerRound / query);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: {HealsPerRound / heal,8:N1} heals/s ({heal / HealsPerRound * 1000:N1} ms each), querySelector {QueriesPerRound / query,8:N0}/s ({query / QueriesPerRound * 1000:N2} ms each)"));
        }

        // Where a heal's time goes: the page capture and one screenshot (a heal takes two), measured alone.
        var capture = await TimeAsync(async () => await page.EvaluateJsonAsync(ElementCaptureScript.SnapshotPage, CancellationToken.None));
        var screenshot = await TimeAsync(async () => await page.ScreenshotAsync(CancellationToken.None));
        progress.WriteLine("  mutation set ...");
        var results = new List<MutationResult>();
        foreach (var mutation in MutationSet.Load())
        {
            var mutationPage = await HealingTestPage.OpenAsync(browser);
            results.Add(await new MutationCaseRunner(cluster.Client, server, mutationPage, settings).RunAsync(mutation, CancellationToken.None));
        }

        var output = Console.Out;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Maestro healing benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC - {Environment.ProcessorCount} cores, {RuntimeBenchmark.Configuration}, best of {options.Rounds} rounds"));
        output.WriteLine();
        output.WriteLine("figure                                   per second   ms each  raw baseline                          per second   ms each   ratio");
        output.WriteLine("---------------------------------------  ----------  --------  ------------------------------------  ----------  --------  ------");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{$"locator heals, {elements:N0}-element page",-39}  {bestHeal,10:N1}  {1000 / bestHeal,8:N1}  {"document.querySelector, same page",-36}  {bestQuery,10:N0}  {1000 / bestQuery,8:N2}  {bestHeal / bestQuery * 100,5:F2}%"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Healed 'id=place-order' to '{healed}'. Of a heal: capturing the page's {elements:N0} elements {capture * 1000:N0} ms, one screenshot {screenshot * 1000:N0} ms (a heal takes two)."));
        output.WriteLine();
        var correct = results.Count(r => r.Correct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Accuracy on the mutation set: {correct}/{results.Count} ({100.0 * correct / results.Count:F0}%); heals expected {results.Count(r => r.Case.ExpectsHeal)}, healed right {results.Count(r => r.Case.ExpectsHeal && r.Correct)}; refusals expected {results.Count(r => !r.Case.ExpectsHeal)}, refused {results.Count(r => !r.Case.ExpectsHeal && r.Correct)}; wrong heals {results.Count(r => r.HealedLocator is not null && !r.RightElement)}."));
        foreach (var result in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(result.Correct ? "ok  " : "MISS")} {result.Case.Name,-26} expected {result.Case.Expected,-7} -> {result.HealedLocator ?? "refused"}"));
        }

        return correct == results.Count ? 0 : 1;
    }

    /// <summary>A shop back office: an orders table filling the page to 2,000 elements, and the checkout form whose button id a release renamed.</summary>
    private static (string Original, string Broken, int Elements) LargePage()
    {
        var rows = new StringBuilder();
        var elements = 0;
        // Each row: tr, 3 td, a link, a span: 6 elements.
        for (var i = 0; elements < PageElements - 24; i++, elements += 6)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr class=\"order\"><td>#{10_000 + i}</td><td><a href=\"/customers/{i}\">Customer {i}</a></td><td><span class=\"amount\">{i % 97}.50</span></td></tr>");
        }

        const string form = """
            <form id="checkout"><label for="email">Email</label><input id="email" name="email" type="email">
            <label for="notes">Notes</label><textarea id="notes" name="notes"></textarea>
            <button id="back" class="btn" type="button">Back</button><button id="{0}" class="btn btn-primary" type="submit">Place order</button></form>
            """;
        string Page(string buttonId) =>
            $"<html><head><title>Orders</title></head><body><h1>Orders</h1><table><tbody>{rows}</tbody></table>{string.Format(CultureInfo.InvariantCulture, form, buttonId)}</body></html>";
        return (Page("place-order"), Page("submit-order"), elements + 12);
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }
}

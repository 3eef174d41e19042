using Maestro.Grains.Healing;
using Maestro.Grains.TestRuns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Maestro.Grains.Tests.Healing;

/// <summary>One Chromium, one page server and one silo (real SQLite storage) shared by a test class; all stopped in <see cref="DisposeAsync"/>.</summary>
public sealed class HealingBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public HtmlPageServer Server { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public HealingOptions Options { get; } = new();

    public async ValueTask InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
        Cluster = new InProcessTestClusterBuilder()
            .ConfigureHost(host => host.Services.AddHealing().AddTestResults())
            .Build();
        await Cluster.DeployAsync();
    }

    /// <summary>A new page (own browser context) over the fixture's browser.</summary>
    public Task<HealingTestPage> NewPageAsync() => HealingTestPage.OpenAsync(Browser);

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Browser.DisposeAsync();
        playwright?.Dispose();
        Server.Dispose();
    }
}

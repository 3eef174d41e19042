using System.Net;

namespace Maestro.Bench.Dashboard;

/// <summary>
/// Stands in for a browser with the dashboard's overview open: signs in with a key once, then fetches
/// <c>/dashboard/api/overview</c> every second, as the page does, until stopped. Any failed poll fails the run.
/// </summary>
internal sealed class DashboardPoller(Uri baseAddress) : IAsyncDisposable
{
    /// <summary>The overview page's polling period (app.js POLL_MS).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    private CancellationTokenSource? stop;
    private Task? loop;

    public int Polls { get; private set; }

    public async Task SignInAsync(string key)
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("key", key)]);
        using var response = await http.PostAsync("/dashboard/sign-in", form);
        if (response.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Signing in to the dashboard answered {(int)response.StatusCode}, not 303.");
        }
    }

    /// <summary>
    /// Polls in two bursts of <paramref name="count"/>, each followed by a second's pause, not counted in
    /// <see cref="Polls"/>: the host's code for a poll (on a gateway, the client's too) is compiled and tiered up before
    /// anything is measured, as on a page that has been open a while. Cold, a gateway's first hundred polls cost
    /// several times what later ones do, which a few seconds of measuring would count as the dashboard's cost.
    /// </summary>
    public async Task WarmUpAsync(int count)
    {
        for (var burst = 0; burst < 2; burst++)
        {
            for (var i = 0; i < count; i++)
            {
                await PollAsync(CancellationToken.None);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Polls -= 2 * count;
    }

    /// <summary>Starts polling; the first poll is made before this returns, so statistics are on when it does.</summary>
    public async Task StartAsync()
    {
        await PollAsync(CancellationToken.None);
        stop = new CancellationTokenSource();
        loop = RunAsync(stop.Token);
    }

    public async Task StopAsync()
    {
        if (stop is null || loop is null)
        {
            return;
        }

        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        (stop, loop) = (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        http.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await PollAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the page was closed.
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/dashboard/api/overview", cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Polls++;
    }
}

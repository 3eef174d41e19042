using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>
/// A real Kestrel endpoint on 127.0.0.1, port 0, for HTTP steps: <c>GET /items/{name}</c> answers <c>item-NAME</c>
/// (503 for the first call of a name ending in <c>-flaky</c>), <c>POST /collect</c> keeps the bodies it receives.
/// </summary>
public sealed class LocalHttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> calls = new();

    private LocalHttpEndpoint(WebApplication app) => this.app = app;

    public ConcurrentQueue<string> Collected { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public int CallsTo(string name) => calls.GetValueOrDefault(name);

    public static async Task<LocalHttpEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new LocalHttpEndpoint(app);
        app.MapGet("/items/{name}", (string name) =>
        {
            var count = endpoint.calls.AddOrUpdate(name, 1, (_, n) => n + 1);
            return name.EndsWith("-flaky", StringComparison.Ordinal) && count == 1
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Text($"item-{name}");
        });
        app.MapPost("/collect", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            endpoint.Collected.Enqueue(await reader.ReadToEndAsync());
            return Results.Accepted();
        });
        await app.StartAsync();
        endpoint.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using Maestro.Bench.Baselines;
using Maestro.Bench.Harness;
using Maestro.GrainInterfaces.Registry;
using Microsoft.Data.Sqlite;

namespace Maestro.Bench.Suites;

/// <summary>
/// Service registrations and heartbeats per second through the registry's grains (each caller its own service; a
/// registration writes the service grain's state and the index grain's, a heartbeat the service's) beside raw upserts
/// of the very rows those grains wrote, read back from the silo's database, on one held SQLite connection.
/// </summary>
internal sealed class RegistrySuite(IClusterClient client, string siloDatabase, string dataDirectory, PairRunner runner, int manyCallers)
{
    public const double RegistrationTarget = 0.50;

    public const double HeartbeatTarget = 0.80;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        var results = new List<Comparison>();
        foreach (var callers in new[] { 1, manyCallers })
        {
            var names = Enumerable.Range(0, callers).Select(i => $"bench-{callers}-{i}").ToArray();
            var registrations = names.Select(Registration).ToArray();
            var services = names.Select(n => client.GetGrain<IServiceGrain>(n)).ToArray();
            foreach (var (service, registration) in services.Zip(registrations))
            {
                await service.RegisterAsync(registration);
            }

            var (serviceRows, indexRow) = await ReadRowsAsync(names);
            using var raw = new SqliteUpsertLoop(Path.Combine(dataDirectory, $"raw-registry-{callers}.db"), callers);
            results.Add(await runner.RunAsync(
                "service registrations",
                "raw upserts of the service and index rows",
                callers,
                RegistrationTarget,
                (caller, _) => services[caller].RegisterAsync(registrations[caller]),
                async (caller, _) =>
                {
                    await raw.UpsertRowAsync(names[caller], serviceRows[caller]);
                    await raw.UpsertRowAsync(IServiceIndexGrain.Key, indexRow);
                }));
            results.Add(await runner.RunAsync(
                "heartbeats",
                "raw upserts of the service row",
                callers,
                HeartbeatTarget,
                (caller, _) => services[caller].HeartbeatAsync(),
                (caller, _) => raw.UpsertRowAsync(names[caller], serviceRows[caller])));
        }

        return results;
    }

    private static ServiceRegistration Registration(string name) =>
        new(name, "1.4.2", "http://127.0.0.1:5000", null, ["bench", "eu"], new Dictionary<string, string> { ["team"] = "bench" }, 5000);

    /// <summary>The payloads the grains stored for <paramref name="names"/> and the index, exactly as the storage wrote them.</summary>
    private async Task<(byte[][] Services, byte[] Index)> ReadRowsAsync(string[] names)
    {
        await using var connection = new SqliteConnection($"Data Source={siloDatabase};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_key, payload FROM grain_state";
        var rows = new List<(string Type, string Key, byte[] Payload)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            }
        }

        byte[] Find(Func<(string Type, string Key, byte[] Payload), bool> match, string what) =>
            rows.FirstOrDefault(match).Payload ?? throw new InvalidOperationException($"The silo's database has no row for {what}.");

        var services = names.Select(n => Find(r => r.Key.EndsWith(n, StringComparison.Ordinal) && !r.Type.Contains("index", StringComparison.OrdinalIgnoreCase), $"service {n}")).ToArray();
        var index = Find(r => r.Type.Contains("index", StringComparison.OrdinalIgnoreCase) && r.Key.EndsWith(IServiceIndexGrain.Key, StringComparison.Ordinal), "the service index");
        return (services, index);
    }
}

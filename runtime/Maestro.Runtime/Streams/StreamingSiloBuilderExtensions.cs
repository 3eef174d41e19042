using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Sql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Runtime.Streams;

/// <summary>Registers persistent stream providers, named as Orleans' <c>AddXxxStreams(name, ...)</c>.</summary>
public static class StreamingSiloBuilderExtensions
{
    /// <summary>The provider name the silo host configures and the platform's grains use.</summary>
    public const string DefaultStreamProviderName = "Default";

    /// <summary>A stream provider in a SQLite file: for a single silo (SQLite is not shared between machines).</summary>
    public static ISiloBuilder AddSqliteStreams(this ISiloBuilder builder, string name, Action<SqliteStreamOptions> configure) =>
        builder.AddPersistentStreams(name, configure, options => SqlDatabases.Sqlite(options.DatabasePath, options.Durability, options.BusyTimeout));

    /// <summary>A stream provider in PostgreSQL: every silo of the cluster shares its queues, each owned by one silo at a time.</summary>
    public static ISiloBuilder AddPostgreSqlStreams(this ISiloBuilder builder, string name, Action<PostgreSqlStreamOptions> configure) =>
        builder.AddPersistentStreams(name, configure, options => SqlDatabases.PostgreSql(options.ConnectionString, $"streams-{name}"));

    private static ISiloBuilder AddPersistentStreams<TOptions>(this ISiloBuilder builder, string name, Action<TOptions> configure, Func<TOptions, SqlDatabase> database)
        where TOptions : PersistentStreamOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        if (services.Any(s => s.ServiceType == typeof(PersistentStreamProvider) && Equals(s.ServiceKey, name)))
        {
            throw new InvalidOperationException($"A stream provider named '{name}' is already configured on this silo.");
        }

        services.AddOptions<TOptions>(name).Configure(configure);
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            options.Validate(name);
            var serviceId = sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            return new PersistentStreamProvider(
                name, options, new StreamLog(database(options), $"{serviceId}/{name}", options.QueueCount),
                sp.GetRequiredService<GrainSerializer>(), sp.GetRequiredService<ActivationStreamBindings>());
        });
        services.AddSingleton(sp => sp.GetRequiredKeyedService<PersistentStreamProvider>(name));
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredKeyedService<PersistentStreamProvider>(name));
        if (!services.Any(s => s.ServiceType == typeof(StreamingService)))
        {
            services.TryAddSingleton<ActivationStreamBindings>();
            services.TryAddSingleton<ImplicitSubscriptions>();
            services.TryAddSingleton<IStreamRuntime, StreamRuntime>();
            services.AddSingleton<StreamingService>();
            services.AddSingleton(sp => new StreamQueueListing(sp.GetServices<PersistentStreamProvider>()));
            services.AddHostedService(sp => sp.GetRequiredService<StreamingService>());
        }

        return builder;
    }
}

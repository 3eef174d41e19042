using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Sql;

namespace Maestro.Runtime.Reminders;

/// <summary>Registers the reminder service, named as Orleans' <c>UseXxxReminderService</c>.</summary>
public static class ReminderSiloBuilderExtensions
{
    /// <summary>Reminders in a SQLite file: for a single silo.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteReminderOptions();
        configure(options);
        return builder.UseReminderService(() => SqlDatabases.Sqlite(options.DatabasePath, options.Durability, options.BusyTimeout));
    }

    /// <summary>Reminders in PostgreSQL: the buckets are leased by the cluster's silos and move when one dies.</summary>
    public static ISiloBuilder UsePostgreSqlReminderService(this ISiloBuilder builder, Action<PostgreSqlReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PostgreSqlReminderOptions();
        configure(options);
        return builder.UseReminderService(() => SqlDatabases.PostgreSql(options.ConnectionString, "reminders"));
    }

    private static ISiloBuilder UseReminderService(this ISiloBuilder builder, Func<SqlDatabase> database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(s => s.ServiceType == typeof(ReminderService)))
        {
            throw new InvalidOperationException("A reminder service is already configured on this silo.");
        }

        services.AddOptions<ReminderOptions>();
        services.AddSingleton(sp => new ReminderTable(database(), sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        services.AddSingleton<ReminderService>();
        services.AddSingleton(sp => new ReminderListing(sp.GetRequiredService<ReminderTable>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<ReminderService>());
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        return builder;
    }
}

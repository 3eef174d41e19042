using Maestro.Grains.Events;
using Maestro.Runtime.Reminders;
using Maestro.Runtime.Streams;

namespace Maestro.Silo.Hosting;

/// <summary>
/// The silo's default stream provider (<see cref="StreamingSiloBuilderExtensions.DefaultStreamProviderName"/>) and its
/// reminder service: in SQLite files of the data folder on a single silo, in the cluster's PostgreSQL database in
/// cluster mode. The configuration sections "Streams" and "Reminders" override their options (for example
/// <c>Reminders__MinimumReminderPeriod</c> in the environment).
/// </summary>
public static class StreamsAndRemindersHosting
{
    public const string StreamsDatabaseFileName = "streams.db";

    public const string RemindersDatabaseFileName = "reminders.db";

    public static void ConfigureStreamsAndReminders(ISiloBuilder silo, MaestroOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        var name = StreamingSiloBuilderExtensions.DefaultStreamProviderName;

        // Named explicitly: nothing else in the host refers to the grains assembly, so it would not be loaded to be found.
        silo.AddGrainAssembly(typeof(AutomationWorkerGrain).Assembly);
        silo.Services.Configure<ReminderOptions>(silo.Configuration.GetSection("Reminders"));
        if (options.Postgres is { } connectionString)
        {
            silo.Services.Configure<PostgreSqlStreamOptions>(name, silo.Configuration.GetSection("Streams"));
            silo.AddPostgreSqlStreams(name, streams => streams.ConnectionString = connectionString)
                .UsePostgreSqlReminderService(reminders => reminders.ConnectionString = connectionString);
        }
        else
        {
            silo.Services.Configure<SqliteStreamOptions>(name, silo.Configuration.GetSection("Streams"));
            silo.AddSqliteStreams(name, streams => streams.DatabasePath = Path.Combine(options.DataDirectory, StreamsDatabaseFileName))
                .UseSqliteReminderService(reminders => reminders.DatabasePath = Path.Combine(options.DataDirectory, RemindersDatabaseFileName));
        }
    }
}

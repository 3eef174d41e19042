using Maestro.Api;
using Maestro.Grains.Access;
using Maestro.Grains.Audit;
using Maestro.Grains.AutoRepair;
using Maestro.Grains.Healing;
using Maestro.Grains.Registry;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;
using Maestro.Grains.Workflows;
using Maestro.Silo.Access;
using Maestro.Dashboard;

namespace Maestro.Silo;

/// <summary>Wires the silo host's services: settings, the silo itself, the web server and the HTTP API's plumbing.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds one silo (localhost clustering, SQLite grain storage as the default at <c>&lt;data&gt;/maestro.db</c>; or, with
    /// <c>--postgres</c>, PostgreSQL clustering and storage) and its HTTP API on localhost, from the <c>Maestro</c>
    /// configuration section.
    /// </summary>
    /// <exception cref="SiloConfigurationException">A setting is invalid; the message names it.</exception>
    public static void AddMaestroSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = MaestroOptionsLoader.Load(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));
        // Checked here so a bad registry or audit setting stops the start with one line, like every other setting.
        MaestroOptionsLoader.LoadSection<ServiceRegistryOptions>(builder.Configuration, ServiceRegistryOptions.SectionName, o => o.Validate());
        MaestroOptionsLoader.LoadSection<AuditOptions>(builder.Configuration, AuditOptions.SectionName, o => o.Validate());
        MaestroOptionsLoader.LoadSection<HealingOptions>(builder.Configuration, HealingOptions.SectionName, o => o.Validate());
        MaestroOptionsLoader.LoadSection<BrowserJourneyOptions>(builder.Configuration, BrowserJourneyOptions.SectionName, o => o.Validate());
        var grainAssembly = options.GrainAssembly is { } path ? ClusterHosting.LoadGrainAssembly(path) : null;

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(options.Port));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.ServiceId, options.ClusterId);
            if (options.SiloName is { } siloName)
            {
                silo.Configure<SiloOptions>(o => o.SiloName = siloName);
            }

            ClusterHosting.ConfigureStorageAndClustering(silo, options);
            ClusterHosting.ConfigureGateway(silo, options);
            StreamsAndRemindersHosting.ConfigureStreamsAndReminders(silo, options);
            if (grainAssembly is not null)
            {
                silo.AddGrainAssembly(grainAssembly);
            }
        });
        builder.Services.AddHostedService<SiloLifecycleLogger>();
        builder.Services.AddMaestroWorkflows();
        builder.Services.AddServiceRegistry(o => builder.Configuration.GetSection($"{MaestroOptions.SectionName}:{ServiceRegistryOptions.SectionName}").Bind(o)).AddServiceEventStream();
        builder.Services.AddAuditLog(o => builder.Configuration.GetSection($"{MaestroOptions.SectionName}:{AuditOptions.SectionName}").Bind(o)).AddAuditStream();
        builder.Services.AddTestExecution(
            o =>
            {
                // Under the data folder unless configured (Maestro:TestExecution:WorkspaceRoot, ...).
                o.WorkspaceRoot = Path.GetFullPath(Path.Combine(options.DataDirectory, "workspaces"));
                o.ArtifactRoot = Path.GetFullPath(Path.Combine(options.DataDirectory, "artifacts"));
                builder.Configuration.GetSection($"{MaestroOptions.SectionName}:{TestExecutionOptions.SectionName}").Bind(o);
            },
            sp => sp.GetRequiredService<ISiloStatus>().SiloName);
        builder.Services.AddBrowserJourneys(o => builder.Configuration.GetSection($"{MaestroOptions.SectionName}:{BrowserJourneyOptions.SectionName}").Bind(o));
        builder.Services.AddHealing(o => builder.Configuration.GetSection($"{MaestroOptions.SectionName}:{HealingOptions.SectionName}").Bind(o)).AddJourneyLocatorHealing();
        builder.Services.AddAutoRepair(o => builder.Configuration.GetSection($"{MaestroOptions.SectionName}:{AutoRepairOptions.SectionName}").Bind(o));
        builder.Services.AddSingleton<ApiKeyBootstrapper>();
        builder.Services.AddHostedService<InitialApiKeyAnnouncer>();
        builder.Services.AddHostedService<AutomationResumer>();
        builder.Services.AddMaestroDashboard(
            MaestroOptionsLoader.LoadSection<DashboardOptions>(builder.Configuration, DashboardOptions.SectionName, o => o.Validate()),
            sp => new DashboardHost(DashboardHost.Silo, sp.GetRequiredService<ISiloStatus>().SiloName));
        builder.Services.AddMaestroApi("Maestro silo", "The HTTP API co-hosted by a Maestro silo.");
    }
}

using Maestro.Api;
using Maestro.Client;
using Maestro.Dashboard;
using Maestro.Grains.Audit;

namespace Maestro.Gateway.Hosting;

/// <summary>Wires the gateway process: its settings, the cluster client, the shared REST API and the web server.</summary>
public static class GatewayHosting
{
    /// <summary>
    /// Adds the cluster client (from the configured silo gateways, with the client key), the audit log as a client of
    /// the audit grains, appending through the audit stream like the silo (retention is the silos' job), the dashboard (Maestro:Dashboard settings) and the REST API, served on <see cref="GatewayHostOptions.ListenAddress"/>.
    /// </summary>
    /// <exception cref="GatewayConfigurationException">A setting is invalid; the message names it.</exception>
    public static GatewayHostOptions AddMaestroGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = GatewayOptionsLoader.Load(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));
        DashboardOptions dashboard;
        try
        {
            builder.Configuration.GetSection($"{GatewayHostOptions.SectionName}:{AuditOptions.SectionName}").Get<AuditOptions>()?.Validate();
            dashboard = builder.Configuration.GetSection($"{GatewayHostOptions.SectionName}:{DashboardOptions.SectionName}").Get<DashboardOptions>() ?? new DashboardOptions();
            dashboard.Validate();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Validate's messages name the setting within the section (as on a silo); the binder's name the whole key.
            throw new GatewayConfigurationException(ex is ArgumentException ? $"{GatewayHostOptions.SectionName}:{ex.Message}" : ex.Message, ex);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.ListenAddress, options.Port));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.UseOrleansClient(client => client
            .UseStaticClustering(o => o.Gateways.AddRange(options.ClusterGateways))
            .Configure<GatewayOptions>(o => o.ClientKey = options.GatewayClientKey));
        builder.Services.AddAuditLogClient(o => builder.Configuration.GetSection($"{GatewayHostOptions.SectionName}:{AuditOptions.SectionName}").Bind(o)).AddAuditStream();
        builder.Services.AddMaestroDashboard(dashboard, _ => new DashboardHost(DashboardHost.Gateway, $"{Environment.MachineName}:{options.Port}"));
        builder.Services.AddMaestroApi("Maestro gateway", "The Maestro REST API served by a stateless gateway process in front of the silos.");
        return options;
    }
}

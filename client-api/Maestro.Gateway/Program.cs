using Maestro.Api;
using Maestro.Dashboard;
using Maestro.Gateway.Apis;

var commandLine = GatewayCommandLine.Parse(args);
if (commandLine.Error is { } usageError)
{
    await Console.Error.WriteLineAsync($"error: {usageError} Run with --help for usage.");
    return GatewayCommandLine.UsageErrorExitCode;
}

if (commandLine.ShowHelp)
{
    await Console.Out.WriteAsync(GatewayCommandLine.Usage);
    return 0;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(commandLine.Settings);
try
{
    builder.AddMaestroGateway();
}
catch (GatewayConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return GatewayCommandLine.UsageErrorExitCode;
}

var app = builder.Build();
app.UseMaestroApi();
app.MapGatewayHealthApi();
app.MapMaestroApi();
app.MapMaestroDashboard();

try
{
    await app.RunAsync();
}
catch (SiloUnavailableException ex)
{
    // The cluster client connects when the host starts: no silo gateway answered.
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return GatewayCommandLine.UnavailableExitCode;
}

return 0;

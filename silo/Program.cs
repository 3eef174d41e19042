using Maestro.Api;
using Maestro.Api.Apis;
using Maestro.Dashboard;

var commandLine = SiloCommandLine.Parse(args);
if (commandLine.Error is { } usageError)
{
    await Console.Error.WriteLineAsync($"error: {usageError} Run with --help for usage.");
    return SiloCommandLine.UsageErrorExitCode;
}

if (commandLine.ShowHelp)
{
    await Console.Out.WriteAsync(SiloCommandLine.Usage);
    return 0;
}

// appsettings.json is read next to the program, wherever it is started from; a relative data folder is not.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(commandLine.Settings);
try
{
    builder.AddMaestroSilo();
}
catch (SiloConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return SiloCommandLine.UsageErrorExitCode;
}

var app = builder.Build();

app.UseMaestroApi();
app.MapHealthApi();
app.MapMaestroApi();
// Silo-only for now: they check paths and adapters against this silo's own workspace root and registrations.
app.MapTestRunExecutionApi();
app.MapAutomationApi();
app.MapMaestroDashboard();
var maestro = app.Services.GetRequiredService<IOptions<MaestroOptions>>().Value;
if (maestro.IsClusterMode)
{
    app.MapClusterApi();
}

if (maestro.GrainAssembly is not null)
{
    // Test support only: present solely when the silo was started with --grain-assembly.
    app.MapTestSupportApi();
}

await app.RunAsync();
return 0;

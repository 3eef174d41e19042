using Maestro.Client;
using Maestro.Client.Sample;
using Maestro.Runtime;

var commandLine = SampleCommandLine.Parse(args);
if (commandLine.Error is { } usageError)
{
    await Console.Error.WriteLineAsync($"error: {usageError} Run with --help for usage.");
    return SampleCommandLine.UsageErrorExitCode;
}

if (commandLine.ShowHelp)
{
    await Console.Out.WriteAsync(SampleCommandLine.Usage);
    return 0;
}

try
{
    await using var client = await ConnectedClusterClient.ConnectAsync(builder => builder
        .UseStaticClustering(options => options.Gateways.AddRange(commandLine.Gateways))
        .Configure<GatewayOptions>(options => options.ClientKey = commandLine.ClientKey));

    var management = client.GetGrain<IManagementGrain>(0);
    var hosts = await management.GetDetailedHosts(onlyActive: true);
    await Console.Out.WriteLineAsync($"{hosts.Length} active silo(s), {await management.GetTotalActivationCount()} activation(s):");
    foreach (var host in hosts)
    {
        await Console.Out.WriteLineAsync($"  {host.Name}  {host.Status}  address {host.Address}  gateway {host.Gateway ?? "-"}  activations {host.ActivationCount}");
    }

    return 0;
}
catch (OrleansException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return SampleCommandLine.UnavailableExitCode;
}

using System.Text;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>Runs the console client sample (<c>dotnet Maestro.Client.Sample.dll ...</c>, no shell) to its end.</summary>
internal static class ClientSampleProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(SiloPaths.DotNetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(SiloPaths.ClientSampleAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The client sample did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SiloProcess.Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The client sample (pid {process.Id}) did not exit within {SiloProcess.Patience}.");
        }

        return (process.ExitCode, await output, await error);
    }
}

using System.Reflection;
using System.Runtime.InteropServices;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>Where the silo assembly and the dotnet host are.</summary>
internal static class SiloPaths
{
    /// <summary>The built Maestro.Silo.dll, recorded by the test project at build time.</summary>
    public static string SiloAssembly { get; } = FindSiloAssembly();

    /// <summary>The built Maestro.TestGrains.dll (test-support grains), recorded by the test project at build time.</summary>
    public static string TestGrainsAssembly { get; } = FindRecordedAssembly("MaestroTestGrainsAssembly", "tests/Maestro.TestGrains");

    /// <summary>The built Maestro.Client.Sample.dll (the console client), recorded by the test project at build time.</summary>
    public static string ClientSampleAssembly { get; } = FindRecordedAssembly("MaestroClientSampleAssembly", "client-api/Maestro.Client.Sample");

    /// <summary>The built Maestro.Gateway.dll (the REST gateway process), recorded by the test project at build time.</summary>
    public static string GatewayAssembly { get; } = FindRecordedAssembly("MaestroGatewayAssembly", "client-api/Maestro.Gateway");

    /// <summary>The repository's root folder (where deploy/ is), recorded by the test project at build time.</summary>
    public static string RepositoryRoot { get; } =
        typeof(SiloPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "MaestroRepositoryRoot")?.Value
        ?? throw new InvalidOperationException("The repository root was not recorded: build tests/Maestro.Silo.Tests.");

    /// <summary>The dotnet host running these tests, so the silo runs on the same SDK.</summary>
    public static string DotNetHost { get; } = FindDotNetHost();

    private static string FindRecordedAssembly(string key, string project)
    {
        var path = typeof(SiloPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value;
        return !string.IsNullOrEmpty(path) && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The assembly of {project} was not found at '{path}': build tests/Maestro.Silo.Tests, which builds it first.");
    }

    private static string FindSiloAssembly()
    {
        var path = typeof(SiloPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "MaestroSiloAssembly")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The silo assembly was not found at '{path}': build tests/Maestro.Silo.Tests, which builds silo/Maestro.Silo first.");
        }

        return path;
    }

    private static string FindDotNetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ is the runtime directory.
        var fromRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", executable));
        return File.Exists(fromRuntime) ? fromRuntime : executable;
    }
}

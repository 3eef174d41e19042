namespace Maestro.Grains.Tests.TestRuns;

/// <summary>The result files under TestRuns/Fixtures, copied next to the test assembly.</summary>
internal static class Fixture
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestRuns", "Fixtures", name));
}

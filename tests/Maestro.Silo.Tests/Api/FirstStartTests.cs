using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Maestro.Silo.Tests.Api;

/// <summary>The first admin key: generated and shown once on the first start, or taken from the environment.</summary>
public sealed partial class FirstStartTests
{
    private const string Banner = "Initial admin API key (shown once; store it now, it cannot be shown again):";

    [Fact]
    public async Task The_first_start_prints_an_admin_key_once_and_a_restart_prints_none()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        var port = FreePort.Next();
        string key;
        await using (var first = Start(directory, port, null))
        {
            using var anonymous = TestApiKeys.Client(port, null);
            await first.WaitUntilHealthyAsync(anonymous, ct);
            var output = first.StandardOutput;
            Assert.Single(Regex.Matches(output, Regex.Escape(Banner)));
            key = Assert.Single(KeyPattern().Matches(output)).Value;
            using var admin = TestApiKeys.Client(port, key);
            using var keys = await admin.GetAsync("/api/keys", ct);
            Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
            var listed = Assert.Single((await keys.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray());
            Assert.Equal("initial-admin", listed.GetProperty("name").GetString());
            Assert.Equal("admin", listed.GetProperty("role").GetString());
        }

        foreach (var file in Directory.GetFiles(directory.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(key, await File.ReadAllTextAsync(file, ct), StringComparison.Ordinal);
        }

        await using var second = Start(directory, port, null);
        using var client = TestApiKeys.Client(port, key);
        await second.WaitUntilHealthyAsync(client, ct);
        using var stillValid = await client.GetAsync("/api/keys", ct);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.DoesNotContain(Banner, second.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(KeyPattern().Matches(second.StandardOutput));
    }

    [Fact]
    public async Task A_given_initial_key_is_the_first_admin_key_and_nothing_is_printed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        var port = FreePort.Next();

        await using var silo = Start(directory, port, TestApiKeys.Admin);
        using var admin = TestApiKeys.Client(port, TestApiKeys.Admin);
        await silo.WaitUntilHealthyAsync(admin, ct);
        using var keys = await admin.GetAsync("/api/keys", ct);

        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.Equal(TestApiKeys.AdminKeyId, Assert.Single((await keys.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray()).GetProperty("keyId").GetString());
        Assert.DoesNotContain(Banner, silo.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApiKeys.Admin, silo.StandardOutput + silo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_initial_key_stops_the_silo_with_one_line_that_does_not_quote_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        const string secret = "hunter2-is-not-a-key";

        await using var silo = Start(directory, FreePort.Next(), secret);
        var exitCode = await silo.WaitForExitAsync(ct);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Maestro:InitialApiKey is malformed", line, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, silo.StandardOutput + silo.StandardError, StringComparison.Ordinal);
    }

    private static SiloProcess Start(TempDirectory directory, int port, string? initialKey)
    {
        var environment = initialKey is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Maestro__InitialApiKey"] = initialKey };
        return SiloProcess.StartWithEnvironment(
            directory.Path,
            environment,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--data", directory.Combine("data"));
    }

    [GeneratedRegex("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}

using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.AutoRepair;
using Xunit;

namespace Maestro.Grains.Tests.AutoRepair;

public sealed class FailureFingerprintTests
{
    private const string Root = "/work/shop";

    [Fact]
    public void The_same_failure_found_again_has_the_same_fingerprint_though_lines_times_and_separators_moved()
    {
        var first = new MonitorFinding(FindingKind.TestFailure, "/work/shop/src/cart.test.js", 14, 5, "cart totals",
            "Error: expected 30, received 25 at 2026-11-21T10:00:01Z");
        var again = new MonitorFinding(FindingKind.TestFailure, "src\\cart.test.js", 19, 5, "cart totals",
            "Error: expected 31, received 26 at 2026-11-21T10:30:07Z");

        Assert.Equal(FailureFingerprint.Of(first, Root), FailureFingerprint.Of(again, Root));
        Assert.Matches("^[0-9a-f]{32}$", FailureFingerprint.Of(first, Root));
    }

    [Theory]
    [InlineData(FindingKind.BuildError, "src/cart.test.js", "cart totals", "Error: expected 30")]
    [InlineData(FindingKind.TestFailure, "src/price.test.js", "cart totals", "Error: expected 30")]
    [InlineData(FindingKind.TestFailure, "src/cart.test.js", "cart adds", "Error: expected 30")]
    [InlineData(FindingKind.TestFailure, "src/cart.test.js", "cart totals", "TypeError: cart is undefined")]
    public void A_different_kind_file_code_or_message_is_a_different_failure(FindingKind kind, string file, string code, string message)
    {
        var original = new MonitorFinding(FindingKind.TestFailure, "src/cart.test.js", 14, 5, "cart totals", "Error: expected 30");

        Assert.NotEqual(FailureFingerprint.Of(original, Root), FailureFingerprint.Of(new MonitorFinding(kind, file, 14, 5, code, message), Root));
    }
}

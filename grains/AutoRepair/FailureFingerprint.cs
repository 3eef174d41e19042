using System.Security.Cryptography;
using System.Text;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.Analytics;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// A failure's identity across monitor rounds: the same problem found again gets the same fingerprint, so it is
/// queued for repair once. It is made of the kind, the file relative to the project, the code (test id, diagnostic
/// code or rule) and the normalised message; not the line and column, which move whenever code above them changes,
/// and not the volatile parts of the message (times, ids, numbers), which the analytics' failure signature removes.
/// </summary>
public static class FailureFingerprint
{
    public static string Of(MonitorFinding finding, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectRoot);
        var identity = string.Join(
            '\n',
            finding.Kind.ToString(),
            RelativeFile(finding.File, projectRoot),
            RelativeFile(finding.Code, projectRoot),
            FailureSignature.Normalize(finding.Message));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    // Tools name files absolutely or relatively, with either separator; the same file must read the same.
    private static string RelativeFile(string? file, string projectRoot)
    {
        if (string.IsNullOrEmpty(file))
        {
            return string.Empty;
        }

        var normalised = file.Replace('\\', '/');
        var root = projectRoot.Replace('\\', '/').TrimEnd('/') + "/";
        return normalised.StartsWith(root, StringComparison.Ordinal) ? normalised[root.Length..] : normalised;
    }
}

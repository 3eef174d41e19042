using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Tests.Audit;

/// <summary>Audit entries for tests.</summary>
internal static class AuditEntriesForTests
{
    public static AuditEntry At(DateTimeOffset time, string actor = "0123456789ab", string action = "services.register", string target = "service:a", string outcome = "succeeded") =>
        new(time, actor, "ci", "operator", action, target, new Dictionary<string, string> { ["body"] = "{}" }, outcome, 200, "trace-1");
}

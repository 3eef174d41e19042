using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.AutoRepair;

namespace Maestro.Grains.Tests.AutoRepair;

/// <summary>
/// A deterministic repair strategy for the pipeline's tests: for a failure of <see cref="TestId"/>, replace text in a
/// file. The strategies that heal real tests are tested with healing; here what is under test is what the pipeline
/// does with a fix (apply, validate, roll back, commit, approve, survive a restart).
/// </summary>
internal sealed class TextReplacementPlanner : IRepairPlanner
{
    public string TestId { get; set; } = ShopProject.PriceTest;

    public string File { get; set; } = "price.txt";

    public string Replacement { get; set; } = "total=30\n";

    public double Confidence { get; set; } = 0.95;

    public bool Declines { get; set; }

    public int Calls;

    public Task<ProposedFix?> PlanAsync(RepairPlanningContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return Task.FromResult(Declines || context.Finding.Code != TestId
            ? null
            : new ProposedFix("text", Confidence, $"{File} should read {Replacement.Trim()}", [new FileChange(File, Replacement)]));
    }
}

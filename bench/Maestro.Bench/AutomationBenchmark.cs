using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.Tests.AutoRepair;
using Maestro.Grains.Tests.Events;

namespace Maestro.Bench;

/// <summary>
/// The "automation" command: what continuous auto-repair adds to the work a repair needs. Each repair: the shop's
/// price is broken by a commit, a monitor round (a Python test runner writing JUnit XML) finds it, the fix is
/// planned, applied, validated by re-running the one failed test, and committed with git, through the project's
/// grain, its streams and SQLite state. The raw baseline does the same processes by hand in the same run: the test
/// runner, the file write, the re-run of the one test, <c>git diff</c>, <c>git add</c> and <c>git commit</c>.
/// </summary>
internal static class AutomationBenchmark
{
    private const int RepairsPerRound = 5;
    private const string Broken = "total=25\n";
    private const string Fixed = "total=30\n";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var progress = Console.Error;
        using var project = new ShopProject();
        Commit(project, Fixed, "Developer", "Start from a green project");
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner { Replacement = Fixed }, new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        // No cool-down: the bench breaks the same test again on purpose, and each break must be repaired.
        await automation.Start(AutomationCluster.Config(project) with { CoolDownMinutes = 0 });
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro auto-repair benchmark: {RepairsPerRound} repairs per round through the pipeline and by hand, {options.Rounds} rounds. Project in {project.Folder}"));

        double bestPipeline = double.MaxValue, bestRaw = double.MaxValue;
        var committed = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var pipeline = Stopwatch.StartNew();
            for (var i = 0; i < RepairsPerRound; i++)
            {
                Break(project);
                await automation.RunMonitorsNow();
                committed++;
                await WaitForCommittedAsync(automation, committed);
            }

            var pipelineEach = pipeline.Elapsed.TotalMilliseconds / RepairsPerRound;
            var raw = Stopwatch.StartNew();
            for (var i = 0; i < RepairsPerRound; i++)
            {
                Break(project);
                RepairByHand(project);
            }

            var rawEach = raw.Elapsed.TotalMilliseconds / RepairsPerRound;
            bestPipeline = Math.Min(bestPipeline, pipelineEach);
            bestRaw = Math.Min(bestRaw, rawEach);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: pipeline {pipelineEach,7:N0} ms per repair, by hand {rawEach,7:N0} ms"));
        }

        var output = Console.Out;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Maestro auto-repair benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC - {Environment.ProcessorCount} cores, {RuntimeBenchmark.Configuration}, best of {options.Rounds} rounds"));
        output.WriteLine();
        output.WriteLine("figure                                        ms each  raw baseline                                    ms each   ratio");
        output.WriteLine("--------------------------------------------  -------  ----------------------------------------------  -------  ------");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"repair: detect, plan, apply, validate, commit",-44}  {bestPipeline,7:N0}  {"the same processes by hand, no grain",-46}  {bestRaw,7:N0}  {bestRaw / bestPipeline * 100,5:F0}%"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{committed} repairs committed; git log has {project.Git("rev-list", "--count", "HEAD").Trim()} commits."));
        return 0;
    }

    /// <summary>A developer's commit that breaks the price test.</summary>
    private static void Break(ShopProject project) => Commit(project, Broken, "Developer", "Change the price");

    private static void RepairByHand(ShopProject project)
    {
        Python(project, "check.py");
        project.Write("price.txt", Fixed);
        Python(project, "check.py", ShopProject.PriceTest);
        project.Git("diff", "--", "price.txt");
        Commit(project, Fixed, "Maestro auto-repair", "Repair by hand");
    }

    private static void Commit(ShopProject project, string price, string author, string message) => project.Commit("price.txt", price, message, author);

    private static void Python(ShopProject project, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = project.Folder, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    }

    private static async Task WaitForCommittedAsync(IProjectAutomationGrain automation, int count)
    {
        var deadline = Stopwatch.StartNew();
        while ((await automation.GetStatus()).Statistics.SuccessfulRepairs < count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"repair {count} was not committed within 2 minutes; see the project's history");
            }

            await Task.Delay(5);
        }
    }
}

namespace Maestro.Bench.Harness;

/// <summary>
/// Measures a figure and its baseline back to back, alternating over the rounds, and keeps the best of each: on a
/// shared machine noise only ever slows a run down, so the best round is the closest to the code's own cost.
/// </summary>
internal sealed class PairRunner(BenchOptions options, TextWriter progress)
{
    /// <summary>Later rounds only need the callers to ramp up: the code is already jitted and the grains active.</summary>
    private static readonly TimeSpan RampUp = TimeSpan.FromSeconds(0.2);

    public Task<Comparison> RunAsync(
        string figure, string baselineName, int callers, double target, Operation subject, Operation baseline) =>
        RunAsync(figure, baselineName, callers, target, subject, baseline, static () => Task.CompletedTask, static () => Task.CompletedTask);

    /// <summary>
    /// As above, with <paramref name="enterSubject"/> run before and <paramref name="leaveSubject"/> after each subject
    /// round, outside the measured window: for figures that differ from their baseline by a condition (a dashboard
    /// open), not by the operation.
    /// </summary>
    public async Task<Comparison> RunAsync(
        string figure, string baselineName, int callers, double target, Operation subject, Operation baseline, Func<Task> enterSubject, Func<Task> leaveSubject)
    {
        Measurement? bestSubject = null;
        Measurement? bestBaseline = null;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var b = await MeasureAsync(baselineName, callers, baseline, round);
            await enterSubject();
            Measurement s;
            try
            {
                s = await MeasureAsync(figure, callers, subject, round);
            }
            finally
            {
                await leaveSubject();
            }

            bestBaseline = bestBaseline is null || b.OpsPerSecond > bestBaseline.OpsPerSecond ? b : bestBaseline;
            bestSubject = bestSubject is null || s.OpsPerSecond > bestSubject.OpsPerSecond ? s : bestSubject;
        }

        return new Comparison(figure, bestSubject!, bestBaseline!, target);
    }

    private async Task<Measurement> MeasureAsync(string name, int callers, Operation operation, int round)
    {
        var label = options.Rounds > 1 ? $" (round {round}/{options.Rounds})" : string.Empty;
        progress.Write($"  {name}, {callers} caller{(callers == 1 ? string.Empty : "s")}{label} ... ");
        var warmup = round == 1 || options.Warmup < RampUp ? options.Warmup : RampUp;
        var result = await LoadRunner.RunAsync(name, callers, operation, warmup, options.Duration);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.OpsPerSecond,12:N0} ops/s  p50 {result.P50Microseconds:F1} us  p99 {result.P99Microseconds:F1} us"));
        return result;
    }
}

namespace Maestro.Grains.Tests.Infrastructure;

/// <summary>Bounded polling: waits until a condition holds, failing with a description after a generous deadline.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string description) =>
        WaitForAsync(read, condition, description, Patience);

    /// <summary>As the other overload, with a deadline of its own for work known to take longer (a build, a restore).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string description, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var last = await read();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {patience} for {description}; last value: {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
            last = await read();
        }

        return last;
    }
}

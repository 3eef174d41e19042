namespace Maestro.Grains.Tests.Infrastructure;

/// <summary>Bounded polling: waits until a condition holds, failing with a description after a generous deadline.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string description)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = await read();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience} for {description}; last value: {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
            last = await read();
        }

        return last;
    }
}

using System.Collections.Concurrent;

namespace Maestro.Runtime.Tests.Grains;

/// <summary>A client-side observer that collects what grains tell it.</summary>
public sealed class GreetingCollector : IGreetingObserver
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public Task Greeted(string message)
    {
        Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using Maestro.GrainInterfaces.Events;

namespace Maestro.Grains.Tests.Events;

/// <summary>Every result event a test saw, by project.</summary>
public sealed class ResultLog
{
    public ConcurrentQueue<(string Project, ResultEvent Event)> Events { get; } = new();
}

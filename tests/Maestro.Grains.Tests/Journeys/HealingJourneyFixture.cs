namespace Maestro.Grains.Tests.Journeys;

/// <summary>The journey fixture with a <see cref="RecordingLocatorObserver"/> given to both adapters.</summary>
public sealed class HealingJourneyFixture : JourneyFixture
{
    public HealingJourneyFixture()
        : this(new RecordingLocatorObserver())
    {
    }

    private HealingJourneyFixture(RecordingLocatorObserver observer)
        : base(observer) => Observer = observer;

    public RecordingLocatorObserver Observer { get; }
}

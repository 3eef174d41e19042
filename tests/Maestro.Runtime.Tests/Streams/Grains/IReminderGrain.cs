namespace Maestro.Runtime.Tests.Streams.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task<string> Register(string name, TimeSpan dueTime, TimeSpan period);

    Task<List<string>> List();

    /// <summary>Unregisters with a handle from GetReminder (fresh) or one registered before the last update (stale).</summary>
    Task Unregister(string name, bool useStaleHandle);
}

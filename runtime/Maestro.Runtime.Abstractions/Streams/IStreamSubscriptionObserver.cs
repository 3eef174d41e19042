namespace Maestro.Runtime.Streams;

/// <summary>Implemented by implicitly subscribed grains: called before the first event of a stream reaches an activation.</summary>
public interface IStreamSubscriptionObserver
{
    Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory);
}

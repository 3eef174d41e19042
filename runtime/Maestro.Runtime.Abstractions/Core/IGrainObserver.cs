namespace Maestro.Runtime;

/// <summary>A client-side callback object that grains can call through a reference made by <see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>.</summary>
public interface IGrainObserver : IAddressable;

namespace Maestro.Runtime.Timers;

/// <summary>A timer the activation disposes when it deactivates.</summary>
internal interface IActivationTimer : IDisposable;

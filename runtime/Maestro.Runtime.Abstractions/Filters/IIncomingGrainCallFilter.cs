namespace Maestro.Runtime;

/// <summary>Runs around every call a grain receives. Register silo-wide, or implement on a grain class for its own calls.</summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}

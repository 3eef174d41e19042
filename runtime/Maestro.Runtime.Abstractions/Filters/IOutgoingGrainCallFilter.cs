namespace Maestro.Runtime;

/// <summary>Runs around every call a grain or client makes.</summary>
public interface IOutgoingGrainCallFilter
{
    Task Invoke(IOutgoingGrainCallContext context);
}

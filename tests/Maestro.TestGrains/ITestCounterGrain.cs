using Maestro.Runtime;

namespace Maestro.TestGrains;

/// <summary>A persistent counter for multi-process fault tests, callable over the silo's test-support endpoint.</summary>
public interface ITestCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and persists it; returns the new value once the write is durable.</summary>
    Task<long> Increment();

    /// <summary>The value as this activation holds it.</summary>
    Task<long> Get();

    /// <summary>The name of the silo this activation runs on.</summary>
    Task<string> GetSiloName();

    /// <summary>This activation's id, so tests can tell activations apart.</summary>
    Task<string> GetActivationId();
}

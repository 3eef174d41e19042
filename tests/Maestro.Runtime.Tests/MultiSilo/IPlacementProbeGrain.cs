namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>Tells which silo hosts it. One class per placement strategy implements it; tests choose one by class-name prefix.</summary>
public interface IPlacementProbeGrain : IGrainWithStringKey
{
    Task<string> GetSiloName();
}

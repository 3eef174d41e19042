namespace Maestro.Runtime;

/// <summary>Marks anything that can be addressed by the runtime: grains, grain references and observers.</summary>
public interface IAddressable;

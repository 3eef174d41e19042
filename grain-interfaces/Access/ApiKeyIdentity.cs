namespace Maestro.GrainInterfaces.Access;

/// <summary>Who a valid API key stands for.</summary>
public sealed record ApiKeyIdentity(string KeyId, string Name, ApiRole Role);

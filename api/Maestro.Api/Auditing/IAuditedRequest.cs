namespace Maestro.Api.Auditing;

/// <summary>Marks a request body the audit filter records as the action's parameters (so it must never hold a secret).</summary>
public interface IAuditedRequest;

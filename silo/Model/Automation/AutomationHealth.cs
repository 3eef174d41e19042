namespace Maestro.Silo.Model.Automation;

/// <summary>The original's automation health answer.</summary>
public sealed record AutomationHealth(string Status, string Service, int ActiveOrchestrators);

namespace Maestro.Silo.Tests.Api;

/// <summary>The calls <see cref="RoleMatrixTests{TApi}"/> makes with each role.</summary>
public enum ApiCall
{
    ListServices,
    GetService,
    ServiceHistory,
    RegisterService,
    Heartbeat,
    DeregisterService,
    ListKeys,
    CreateKey,
    RevokeKey,
    QueryAudit,
    ExportAudit,
    ListWorkflows,
    StartWorkflow,
    ImportResults,
    FlakyTests,
}

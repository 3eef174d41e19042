using Maestro.Silo.Tests.Api;

namespace Maestro.Silo.Tests.Gateway;

/// <summary>
/// Every role's allowed and denied calls through the REST gateway process in front of two silos, and the audit record
/// of a refusal, exactly as the silo answers them (<see cref="RoleMatrixTests{TApi}"/>).
/// </summary>
public sealed class GatewayAccessTests(GatewayCluster gateway) : RoleMatrixTests<GatewayCluster>(gateway), IClassFixture<GatewayCluster>;

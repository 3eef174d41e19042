using Maestro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.Workflows;

/// <summary>Registers the workflow engine's services in a silo (call after <c>UseOrleans</c>, so the recovery scan starts after the silo).</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddMaestroWorkflows(this IServiceCollection services, Action<WorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkflowEventPublisher, EventLogWorkflowEventPublisher>();
        services.AddSingleton<IStepExecutor, HttpStepExecutor>();
        services.AddSingleton<IStepExecutor, ProcessStepExecutor>();
        services.AddSingleton<IStepExecutor, WaitStepExecutor>();
        services.AddSingleton<IStepExecutor, PublishStepExecutor>();
        services.AddSingleton<IStepExecutor, SubWorkflowStepExecutor>();
        services.AddSingleton<IStepExecutor, TestSuiteStepExecutor>();
        services.AddSingleton<StepRunner>();
        services.AddHostedService<WorkflowRecoveryService>();
        return services;
    }
}

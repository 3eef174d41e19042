namespace Maestro.Runtime.Hosting;

/// <summary>Registers a named storage provider the way every backend needs: keyed, as <see cref="IGrainStorage"/>, and started with the silo.</summary>
internal static class GrainStorageRegistration
{
    public static ISiloBuilder AddGrainStorage<TStorage, TOptions>(
        this ISiloBuilder builder,
        string name,
        Action<TOptions> configure,
        Func<IServiceProvider, string, TOptions, TStorage> create)
        where TStorage : class, IGrainStorage, ISiloLifecycleParticipant
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<TOptions>(name).Configure(configure);
        builder.Services.AddKeyedSingleton(name, (sp, _) => create(sp, name, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)));
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => sp.GetRequiredKeyedService<TStorage>(key));

        // As a lifecycle participant the provider prepares its schema before the first grain runs, so a database that
        // is unreachable or incompatible stops the silo from starting instead of failing grain by grain.
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredKeyedService<TStorage>(name));
        return builder;
    }
}

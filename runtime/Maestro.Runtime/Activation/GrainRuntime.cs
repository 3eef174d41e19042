using Maestro.Runtime.Configuration;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Proxies;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Statistics;

namespace Maestro.Runtime.Activation;

/// <summary>The silo's shared runtime services, handed to every activation.</summary>
internal sealed class GrainRuntime
{
    private readonly Lazy<IIncomingGrainCallFilter[]> incomingFilters;
    private readonly Lazy<IActivationRegistrar?> registrar;

    public GrainRuntime(
        IServiceProvider services,
        GrainManifest manifest,
        DeepCopier copier,
        PendingCalls pendingCalls,
        GrainReferenceFactory references,
        GrainCallStatistics statistics,
        IOptions<GrainCollectionOptions> collectionOptions,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        Manifest = manifest;
        Copier = copier;
        PendingCalls = pendingCalls;
        References = references;
        Statistics = statistics;
        CollectionOptions = collectionOptions.Value;
        Logger = logger;
        Catalog = new Catalog(this);
        Observers = new ObserverRegistry(this);
        Activator = new GrainActivator(services);

        // Resolved on first use: a filter may itself depend on the grain factory.
        incomingFilters = new Lazy<IIncomingGrainCallFilter[]>(() => [.. services.GetServices<IIncomingGrainCallFilter>()]);

        // Resolved on first use too: the cluster's registrar routes messages, and the router needs this runtime.
        registrar = new Lazy<IActivationRegistrar?>(() => services.GetService<IActivationRegistrar>());
    }

    public IServiceProvider Services { get; }

    public GrainManifest Manifest { get; }

    public DeepCopier Copier { get; }

    public PendingCalls PendingCalls { get; }

    public GrainReferenceFactory References { get; }

    /// <summary>The dashboard's call counters; calls are counted only while someone looks at the statistics.</summary>
    public GrainCallStatistics Statistics { get; }

    public GrainCollectionOptions CollectionOptions { get; }

    public ILogger Logger { get; }

    public Catalog Catalog { get; }

    public ObserverRegistry Observers { get; }

    public GrainActivator Activator { get; }

    public IIncomingGrainCallFilter[] IncomingFilters => incomingFilters.Value;

    /// <summary>The grain directory hooks in a cluster; null on a single silo.</summary>
    public IActivationRegistrar? Registrar => registrar.Value;
}

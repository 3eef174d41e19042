using System.Collections.Concurrent;
using System.Reflection;
using Maestro.Runtime.Storage;

namespace Maestro.Runtime.Activation;

/// <summary>
/// Constructs grain instances: picks the public constructor with the most parameters and fills each from
/// <see cref="PersistentStateAttribute"/>, the activation itself, or the silo's services.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, Func<ActivationData, CreatedGrain>> factories = new();

    public CreatedGrain Create(ActivationData activation) =>
        factories.GetOrAdd(activation.Metadata.ClassType, BuildFactory)(activation);

    private Func<ActivationData, CreatedGrain> BuildFactory(Type grainClass)
    {
        var constructor = grainClass.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {grainClass.FullName} has no public constructor.");
        var resolvers = constructor.GetParameters().Select(p => BuildResolver(grainClass, p)).ToArray();
        return activation =>
        {
            var states = new List<IStateLoader>();
            var arguments = new object?[resolvers.Length];
            for (var i = 0; i < resolvers.Length; i++)
            {
                arguments[i] = resolvers[i](activation, states);
            }

            try
            {
                return new CreatedGrain(constructor.Invoke(arguments), states);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        };
    }

    private Func<ActivationData, List<IStateLoader>, object?> BuildResolver(Type grainClass, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of grain class {grainClass.FullName} has [PersistentState] but is a {type.Name}; it must be IPersistentState<T>.");
            }

            var storageName = attribute.StorageName ?? ProviderConstants.DefaultStorageProviderName;
            var stateType = type.GetGenericArguments()[0];
            var factory = (IPersistentStateFactory)System.Activator.CreateInstance(typeof(PersistentStateFactory<>).MakeGenericType(stateType))!;
            return (activation, states) =>
            {
                var storage = services.GetKeyedService<IGrainStorage>(storageName)
                    ?? throw new InvalidOperationException(
                        $"Grain class {grainClass.FullName} keeps state '{attribute.StateName}' in storage '{storageName}', but no storage provider " +
                        $"of that name is registered. Add one in UseOrleans, e.g. AddSqliteGrainStorage(\"{storageName}\", ...).");
                var state = factory.Create(attribute.StateName, storage, activation);
                states.Add(state);
                return state;
            };
        }

        if (type == typeof(IGrainContext))
        {
            return (activation, _) => activation;
        }

        return (_, _) => services.GetService(type)
            ?? (parameter.HasDefaultValue ? parameter.DefaultValue
                : throw new InvalidOperationException(
                    $"Cannot construct grain class {grainClass.FullName}: no service of type {type.FullName} is registered for parameter '{parameter.Name}'."));
    }
}

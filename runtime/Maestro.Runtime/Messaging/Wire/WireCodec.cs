using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Transport;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>
/// Turns runtime messages, results and exceptions into wire envelopes and back. Everything read from the wire is
/// checked against this silo's grain manifest and the method's declared types; a bad message becomes a
/// <see cref="WireFormatException"/> that says what is wrong, never a crash or an object of a type nobody declared.
/// </summary>
internal sealed class WireCodec
{
    private const int MaxExceptionDepth = 8;
    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ExceptionProperties = new();

    private readonly GrainSerializer serializer;
    private readonly GrainManifest manifest;
    private readonly ConcurrentDictionary<MethodInfo, GrainMethodDescriptor> descriptors = new();
    private readonly ConcurrentDictionary<GrainMethodDescriptor, WireMethod> shapes = new(ReferenceEqualityComparer.Instance);
    private readonly Lazy<Dictionary<string, WireInterface>> interfaces;

    public WireCodec(GrainSerializer serializer, GrainManifest manifest, IOptions<TransportOptions> options)
    {
        this.serializer = serializer;
        this.manifest = manifest;
        MaxMessageSize = options.Value.MaxMessageSize;
        interfaces = new Lazy<Dictionary<string, WireInterface>>(BuildInterfaces);
    }

    public int MaxMessageSize { get; }

    public byte[] Encode(WireRequest request) => WireJson.Serialize(request, MaxMessageSize);

    public byte[] Encode(WireResponse response) => WireJson.Serialize(response, MaxMessageSize);

    public WireRequest DecodeRequest(ReadOnlySpan<byte> utf8Json) => WireJson.DeserializeRequest(utf8Json, MaxMessageSize);

    public WireResponse DecodeResponse(ReadOnlySpan<byte> utf8Json) => WireJson.DeserializeResponse(utf8Json, MaxMessageSize);

    /// <summary>The caller's side: describes an outgoing message. Throws <see cref="WireFormatException"/> for a value that cannot be sent.</summary>
    public WireRequest ToRequest(Message message)
    {
        var shape = Shape(message.Method);
        var parameters = shape.Parameters;
        var arguments = new WireValue[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            // A token cannot travel; the receiving silo supplies its own, cancelled when the caller aborts the stream.
            arguments[i] = parameters[i].ParameterType == typeof(CancellationToken)
                ? new WireValue(null, Null)
                : Write(message.Arguments[i], parameters[i].ParameterType, shape.OutgoingArguments[i]);
        }

        Dictionary<string, WireValue>? context = null;
        if (message.Context is { Values.Count: > 0 } data)
        {
            context = new Dictionary<string, WireValue>(StringComparer.Ordinal);
            foreach (var (key, value) in data.Values)
            {
                context[key] = Write(value, typeof(object), $"request context entry '{key}'");
            }
        }

        return new WireRequest(
            message.Id,
            message.Target.ToString(),
            message.Source?.ToString(),
            shape.InterfaceName,
            shape.MethodName,
            shape.ParameterTypeNames,
            arguments,
            context,
            message.Context?.ReentrancyId ?? Guid.Empty,
            message.Timeout,
            message.Method.IsOneWay || message.Response is null,
            message.Forwards);
    }

    /// <summary>
    /// The callee's side: rebuilds a message from a request, with a fresh response to complete (none for one-way
    /// calls). <paramref name="cancellation"/> becomes the method's CancellationToken argument, if it has one.
    /// </summary>
    public Message ToMessage(WireRequest request, CancellationToken cancellation)
    {
        var target = ParseId(request.Target, "target");
        GrainId? source = request.Source is null ? null : ParseId(request.Source, "source");
        var method = ResolveMethod(request.Interface, request.Method, request.ParameterTypes);
        GrainClassMetadata grainClass;
        try
        {
            grainClass = manifest.GetClass(target.Type);
        }
        catch (OrleansException ex)
        {
            throw new WireFormatException(ex.Message, ex);
        }

        if (!method.DeclaringType!.IsAssignableFrom(grainClass.ClassType))
        {
            throw new WireFormatException($"Grain type '{target.Type}' does not implement {request.Interface}.");
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            throw new WireFormatException($"The call to {request.Interface}.{request.Method} has a timeout of {request.Timeout}; it must be positive.");
        }

        var descriptor = Describe(method);
        var shape = Shape(descriptor);
        var where = shape.Where;
        if (descriptor.IsOneWay != request.OneWay)
        {
            throw new WireFormatException($"The call to {where} is marked one-way={request.OneWay}, but the method is one-way={descriptor.IsOneWay}.");
        }

        var parameters = shape.Parameters;
        if (request.Arguments.Length != parameters.Length)
        {
            throw new WireFormatException($"{where} takes {parameters.Length} arguments; the request has {request.Arguments.Length}.");
        }

        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = parameters[i].ParameterType == typeof(CancellationToken)
                ? cancellation
                : Read(request.Arguments[i], parameters[i].ParameterType, shape.IncomingArguments[i]);
        }

        RequestContextData? context = null;
        if (request.Context is { Count: > 0 } || request.ReentrancyId != Guid.Empty)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in request.Context ?? [])
            {
                values[key] = Read(value, typeof(object), $"Request context entry '{key}'");
            }

            context = new RequestContextData(values, request.ReentrancyId);
        }

        return new Message(target, source, descriptor, arguments, context, request.Timeout, descriptor.IsOneWay ? null : descriptor.CreateResponse())
        {
            Forwards = request.Forwards,
        };
    }

    /// <summary>The callee's side: a successful result.</summary>
    public WireResponse ToResponse(long id, GrainMethodDescriptor method, object? result) =>
        new(id, method.HasResult ? Write(result, method.ResultType, Shape(method).OutgoingResult) : null, null);

    /// <summary>The callee's side: the exception the call ended with.</summary>
    public WireResponse ToResponse(long id, Exception exception) => new(id, null, Describe(exception, 0));

    /// <summary>The caller's side: the result, or the remote exception recreated and thrown.</summary>
    public object? ReadResult(WireResponse response, GrainMethodDescriptor method)
    {
        if (response.Exception is { } error)
        {
            throw ToException(error);
        }

        if (!method.HasResult)
        {
            return null;
        }

        return Read(response.Result, method.ResultType, Shape(method).IncomingResult);
    }

    /// <summary>The caller's side: completes a waiting call with a response (its result or its exception).</summary>
    public void Complete(ResponseCompletion completion, WireResponse response, GrainMethodDescriptor method)
    {
        object? result;
        try
        {
            result = ReadResult(response, method);
        }
        catch (Exception ex)
        {
            // Both the grain's own exception and an unreadable result belong to the caller, through its task.
            completion.TrySetException(ex);
            return;
        }

        completion.TrySetResult(result);
    }

    /// <summary>
    /// Recreates a remote exception: its own type when that type is loaded here and has a (string, Exception) or
    /// (string) constructor, with its public read/write properties restored; otherwise a <see cref="RemoteGrainException"/>.
    /// </summary>
    public Exception ToException(WireError error) => ToException(error, 0);

    private Exception ToException(WireError error, int depth)
    {
        var inner = error.Inner is { } innerError && depth < MaxExceptionDepth ? ToException(innerError, depth + 1) : null;
        var message = error.Message ?? string.Empty;
        var typeName = error.Type ?? "(unnamed)";
        var type = error.Type is null ? null : WireTypes.Resolve(error.Type);
        Exception result;
        if (type is not null && Construct(type, message, inner) is { } created)
        {
            try
            {
                RestoreProperties(created, type, error.Properties);
                result = created;
            }
            catch (WireFormatException ex)
            {
                result = new RemoteGrainException(message, ex) { OriginalTypeName = typeName };
            }
        }
        else
        {
            result = inner is null
                ? new RemoteGrainException(message) { OriginalTypeName = typeName }
                : new RemoteGrainException(message, inner) { OriginalTypeName = typeName };
        }

        if (!string.IsNullOrEmpty(error.StackTrace))
        {
            // Keeps the callee's frames in the exception's StackTrace, as Orleans does, so logs show where it failed.
            ExceptionDispatchInfo.SetRemoteStackTrace(result, error.StackTrace);
        }

        return result;
    }

    private static Exception? Construct(Type type, string message, Exception? inner)
    {
        if (!typeof(Exception).IsAssignableFrom(type) || type.IsAbstract || type.ContainsGenericParameters)
        {
            return null;
        }

        // (string, Exception) first: for types like ArgumentNullException the single string is a parameter name, not the message.
        try
        {
            if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
            {
                return (Exception)withInner.Invoke([message, inner]);
            }

            if (type.GetConstructor([typeof(string)]) is { } withMessage)
            {
                return (Exception)withMessage.Invoke([message]);
            }
        }
        catch (TargetInvocationException)
        {
            // A constructor that throws cannot recreate the exception; the caller falls back to RemoteGrainException.
            return null;
        }

        return null;
    }

    private void RestoreProperties(Exception exception, Type type, Dictionary<string, WireValue>? properties)
    {
        if (properties is null)
        {
            return;
        }

        var writable = WritableProperties(type);
        foreach (var (name, value) in properties)
        {
            // A property this version of the type lacks is skipped, as JSON contracts skip unknown members.
            if (Array.Find(writable, p => p.Name == name) is not { } property)
            {
                continue;
            }

            var restored = Read(value, property.PropertyType, $"Property {name} of {type.FullName}");
            try
            {
                property.SetValue(exception, restored);
            }
            catch (TargetInvocationException ex)
            {
                throw new WireFormatException($"Property {name} of {type.FullName} refused its value: {ex.InnerException?.Message}", ex);
            }
        }
    }

    private WireError Describe(Exception exception, int depth)
    {
        var type = exception.GetType();
        Dictionary<string, WireValue>? properties = null;
        foreach (var property in WritableProperties(type))
        {
            try
            {
                var value = Write(property.GetValue(exception), property.PropertyType, $"property {property.Name} of {type.FullName}");
                (properties ??= new Dictionary<string, WireValue>(StringComparer.Ordinal))[property.Name] = value;
            }
            catch (Exception ex) when (ex is TargetInvocationException or WireFormatException)
            {
                // A property that cannot be read or serialized is left out: the exception itself must still reach the caller.
            }
        }

        var inner = exception.InnerException is { } innerException && depth < MaxExceptionDepth ? Describe(innerException, depth + 1) : null;
        return new WireError(WireTypes.NameOf(type), exception.Message, exception.StackTrace, properties, inner);
    }

    // Message, StackTrace, Source and the rest of System.Exception's own members travel as fields or not at all.
    private static PropertyInfo[] WritableProperties(Type type) => ExceptionProperties.GetOrAdd(type, static t =>
    [
        .. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(Exception) && p.GetIndexParameters().Length == 0
                && p.GetMethod is { IsPublic: true } && p.SetMethod is { IsPublic: true }),
    ]);

    private WireValue Write(object? value, Type declared, string what)
    {
        if (value is null)
        {
            return new WireValue(null, Null);
        }

        var runtime = DeclaredTypes.ToWrite(value.GetType(), declared);
        var asDeclared = runtime == declared || Nullable.GetUnderlyingType(declared) == runtime
            || (declared.IsInterface && typeof(IAddressable).IsAssignableFrom(declared));
        try
        {
            return asDeclared
                ? new WireValue(null, JsonSerializer.SerializeToElement(value, declared, serializer.Options))
                : new WireValue(WireTypes.NameOf(runtime), JsonSerializer.SerializeToElement(value, runtime, serializer.Options));
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new WireFormatException($"{what} of type {runtime.FullName} cannot be sent to another silo: {ex.Message}", ex);
        }
    }

    private object? Read(WireValue? value, Type declared, string what)
    {
        if (value is null)
        {
            throw new WireFormatException($"{what} is missing.");
        }

        var type = declared;
        if (value.Type is not null)
        {
            var resolved = WireTypes.Resolve(value.Type)
                ?? throw new WireFormatException($"{what} has type '{value.Type}', which is not loaded in this silo.");
            if (!declared.IsAssignableFrom(resolved))
            {
                throw new WireFormatException($"{what} has type {resolved.FullName}, which is not a {declared.FullName}.");
            }

            if (resolved != declared && !WireTypes.IsAllowedSubtype(resolved, declared))
            {
                throw new WireFormatException(
                    $"{what} has type {resolved.FullName}, which this silo does not accept in place of {declared.FullName}: " +
                    "only plain data types from grain contract assemblies, scalars and standard collections may travel as subtypes.");
            }

            type = resolved;
        }

        try
        {
            return value.Value.Deserialize(type, serializer.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new WireFormatException($"{what} cannot be read as {type.FullName}: {ex.Message}", ex);
        }
    }

    private static GrainId ParseId(string value, string what)
    {
        try
        {
            return GrainId.Parse(value);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new WireFormatException($"The {what} '{value}' is not a grain id: {ex.Message}", ex);
        }
    }

    private GrainMethodDescriptor Describe(MethodInfo method)
    {
        try
        {
            return descriptors.GetOrAdd(method, GrainMethodDescriptor.Create);
        }
        catch (InvalidOperationException ex)
        {
            throw new WireFormatException(ex.Message, ex);
        }
    }

    private WireMethod Shape(GrainMethodDescriptor descriptor) =>
        shapes.GetOrAdd(descriptor, static d => new WireMethod(d.Method, d));

    private MethodInfo ResolveMethod(string interfaceName, string methodName, string[] parameterTypes)
    {
        if (!interfaces.Value.TryGetValue(interfaceName, out var grainInterface))
        {
            throw new WireFormatException($"No grain interface named '{interfaceName}' is implemented by a grain class of this silo.");
        }

        if (grainInterface.Ambiguity is { } ambiguity)
        {
            throw new WireFormatException(ambiguity);
        }

        var key = WireInterface.Key(methodName, parameterTypes);
        if (!grainInterface.Methods.TryGetValue(key, out var method))
        {
            throw new WireFormatException($"Grain interface '{interfaceName}' has no method {key}.");
        }

        return method ?? throw new WireFormatException($"Grain interface '{interfaceName}' has several methods {key}; give them distinct [Alias] names.");
    }

    private Dictionary<string, WireInterface> BuildInterfaces() =>
        manifest.Classes
            .SelectMany(c => c.ClassType.GetInterfaces())
            .Where(i => typeof(IAddressable).IsAssignableFrom(i) && !i.ContainsGenericParameters)
            .Distinct()
            .GroupBy(WireTypes.InterfaceName, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Count() == 1
                    ? WireInterface.Create(g.First())
                    : WireInterface.Ambiguous($"Several grain interfaces are named '{g.Key}' ({string.Join(", ", g.Select(i => i.FullName))}); give each a distinct [Alias]."),
                StringComparer.Ordinal);
}

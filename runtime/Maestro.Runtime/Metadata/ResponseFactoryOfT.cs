using Maestro.Runtime.Messaging;

namespace Maestro.Runtime.Metadata;

/// <summary>The typed half of <see cref="ResponseFactory"/>.</summary>
internal sealed class ResponseFactory<T> : ResponseFactory
{
    public override ResponseCompletion Create() => new ResponseCompletion<T>();

    public override object? GetResult(Task completed) => ((Task<T>)completed).Result;

    public override object ToReturnValue(ResponseCompletion response, ReturnKind kind)
    {
        var task = ((ResponseCompletion<T>)response).Task;
        return kind switch
        {
            ReturnKind.ValueTaskOfT => new ValueTask<T>(task),
            ReturnKind.ValueTask => new ValueTask(task),
            _ => task,
        };
    }
}

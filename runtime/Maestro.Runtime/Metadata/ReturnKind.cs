namespace Maestro.Runtime.Metadata;

/// <summary>The shapes a grain method may return.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

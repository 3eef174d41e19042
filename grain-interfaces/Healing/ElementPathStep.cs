namespace Maestro.GrainInterfaces.Healing;

/// <summary>One step of an element's path from the top document: its tag and its index among its element siblings.</summary>
/// <remarks><c>#document</c> marks entering an iframe's document, <c>#shadow-root</c> entering an open shadow root.</remarks>
public sealed record ElementPathStep(string Tag, int Index);

namespace Maestro.Runtime.Tests.Wire;

public sealed record WireContract(string Name, int Count, List<string> Tags, Dictionary<string, double> Scores, WireContract? Child);

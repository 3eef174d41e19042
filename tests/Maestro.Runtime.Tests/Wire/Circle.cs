namespace Maestro.Runtime.Tests.Wire;

public sealed record Circle(string Name, double Radius) : Shape(Name);

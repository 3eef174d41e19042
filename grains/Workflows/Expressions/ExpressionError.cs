namespace Maestro.Grains.Workflows;

/// <summary>A syntax error in an expression, at a character offset within its text.</summary>
public sealed record ExpressionError(int Offset, string Message);

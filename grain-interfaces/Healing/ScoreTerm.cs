namespace Maestro.GrainInterfaces.Healing;

/// <summary>One term of a candidate's score: how alike one property is, and how much it counts.</summary>
/// <param name="Term">path, tag, id, name, testid, role, label, text, classes or attributes.</param>
/// <param name="Similarity">0 (nothing alike) to 1 (the same).</param>
/// <param name="Weight">The term's weight after learned trust; the score is Σ weight·similarity ÷ Σ weight.</param>
/// <param name="Detail">Reference value against candidate value, for people.</param>
public sealed record ScoreTerm(string Term, double Similarity, double Weight, string Detail);

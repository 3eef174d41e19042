using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>Scores the live page's elements against a locator's reference element, term by term.</summary>
public sealed class CandidateScorer(LocatorScoringOptions options, IReadOnlyDictionary<string, double> trust)
{
    /// <summary>Every candidate, best first (ties keep page order).</summary>
    public IReadOnlyList<ScoredElement> Rank(ElementDescriptor reference, IEnumerable<ElementDescriptor> candidates) =>
        candidates.Select(c => Score(reference, c)).OrderByDescending(c => c.Score).ToList();

    public ScoredElement Score(ElementDescriptor reference, ElementDescriptor candidate)
    {
        var terms = new List<ScoreTerm>(10)
        {
            Term("path", options.PathWeight, PathSimilarity.Compute(reference.Path, candidate.Path), $"{reference.Path.Count} vs {candidate.Path.Count} steps"),
            Term("tag", options.TagWeight, reference.Tag == candidate.Tag ? 1 : 0, $"{reference.Tag} vs {candidate.Tag}"),
        };
        AddText(terms, "testid", options.TestIdWeight, reference.TestId, candidate.TestId);
        AddText(terms, "id", options.IdWeight, reference.Id, candidate.Id);
        AddText(terms, "name", options.NameWeight, reference.Name, candidate.Name);
        if (reference.Role is not null)
        {
            terms.Add(Term("role", options.RoleWeight, reference.Role == candidate.Role ? 1 : 0, $"{reference.Role} vs {candidate.Role ?? "none"}"));
        }

        AddText(terms, "label", options.LabelWeight, reference.AccessibleName, candidate.AccessibleName);
        AddText(terms, "text", options.TextWeight, reference.Text, candidate.Text);
        if (reference.Classes.Count > 0 || candidate.Classes.Count > 0)
        {
            terms.Add(Term("classes", options.ClassesWeight, TextSimilarity.Jaccard(reference.Classes, candidate.Classes),
                $"[{string.Join(' ', reference.Classes)}] vs [{string.Join(' ', candidate.Classes)}]"));
        }

        if (reference.Attributes.Count > 0)
        {
            var names = reference.Attributes.Keys.Union(candidate.Attributes.Keys, StringComparer.Ordinal).ToList();
            var similarity = names.Average(n => TextSimilarity.Levenshtein(reference.Attributes.GetValueOrDefault(n), candidate.Attributes.GetValueOrDefault(n)));
            terms.Add(Term("attributes", options.AttributesWeight, similarity, $"{reference.Attributes.Count} vs {candidate.Attributes.Count} attributes"));
        }

        var totalWeight = terms.Sum(t => t.Weight);
        var score = totalWeight == 0 ? 0 : terms.Sum(t => t.Weight * t.Similarity) / totalWeight;
        return new ScoredElement(candidate, Math.Round(score, 4), terms);
    }

    /// <summary>A term counts only when the reference had a value for it: what was never there cannot be missing.</summary>
    private void AddText(List<ScoreTerm> terms, string term, double weight, string? reference, string? candidate)
    {
        if (!string.IsNullOrEmpty(reference))
        {
            terms.Add(Term(term, weight, TextSimilarity.Levenshtein(reference, candidate ?? string.Empty), $"'{reference}' vs '{candidate}'"));
        }
    }

    private ScoreTerm Term(string term, double weight, double similarity, string detail) =>
        new(term, Math.Round(similarity, 4), weight * trust.GetValueOrDefault(term, 1.0), detail);
}

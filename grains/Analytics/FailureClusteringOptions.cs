using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Analytics;

/// <summary>How failures are grouped into clusters and assigned categories.</summary>
public sealed class FailureClusteringOptions
{
    /// <summary>
    /// Cosine similarity of two normalised messages' word sets at or above which they are one cluster (same exception
    /// type only). Default 0.9: one differing word in ten still clusters; ReportPortal uses 0.95 with a relaxation for short texts.
    /// </summary>
    public double SimilarityThreshold { get; set; } = 0.9;

    /// <summary>Category rules in order; the first that matches wins. Default: Infrastructure (connection errors), then Timeouts.</summary>
    public IList<CategoryRule> CategoryRules { get; set; } =
    [
        new CategoryRule { Name = "Infrastructure", MessagePattern = @"(?i)connection refused|econnrefused|econnreset|no such host|name or service not known|503 service unavailable|502 bad gateway" },
        new CategoryRule { Name = "Timeouts", MessagePattern = @"(?i)timed? ?out|timeout" },
    ];

    /// <summary>Category of an assertion failure no rule matched. Default "Product defects" (Allure's).</summary>
    public string DefaultFailedCategory { get; set; } = "Product defects";

    /// <summary>Category of an error no rule matched. Default "Test defects" (Allure's "broken").</summary>
    public string DefaultErrorCategory { get; set; } = "Test defects";

    public void Validate()
    {
        if (SimilarityThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityThreshold), SimilarityThreshold, "Clustering: SimilarityThreshold must be in (0, 1].");
        }

        foreach (var rule in CategoryRules)
        {
            if (string.IsNullOrWhiteSpace(rule.Name) || (rule.MessagePattern is null && rule.StackPattern is null))
            {
                throw new ArgumentException($"Clustering: category rule '{rule.Name}' needs a name and a message or stack pattern.");
            }

            foreach (var pattern in new[] { rule.MessagePattern, rule.StackPattern }.OfType<string>())
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(pattern);
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException($"Clustering: category rule '{rule.Name}' has an invalid pattern '{pattern}': {ex.Message}", ex);
                }
            }

            if (rule.Outcomes.Contains(TestOutcome.Passed) || rule.Outcomes.Contains(TestOutcome.Skipped))
            {
                throw new ArgumentException($"Clustering: category rule '{rule.Name}' may only list Failed or Error outcomes.");
            }
        }
    }
}

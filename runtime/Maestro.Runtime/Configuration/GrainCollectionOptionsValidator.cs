namespace Maestro.Runtime.Configuration;

/// <summary>Rejects collection settings the collector cannot run with, at silo start, naming the setting.</summary>
internal sealed class GrainCollectionOptionsValidator : IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        var failures = new List<string>();
        if (options.CollectionQuantum <= TimeSpan.Zero)
        {
            failures.Add($"GrainCollectionOptions.CollectionQuantum must be positive (was {options.CollectionQuantum}).");
        }

        if (options.CollectionAge <= TimeSpan.Zero && options.CollectionAge != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"GrainCollectionOptions.CollectionAge must be positive or Timeout.InfiniteTimeSpan (was {options.CollectionAge}).");
        }

        if (options.ActivationTimeout <= TimeSpan.Zero)
        {
            failures.Add($"GrainCollectionOptions.ActivationTimeout must be positive (was {options.ActivationTimeout}).");
        }

        if (options.DeactivationTimeout <= TimeSpan.Zero)
        {
            failures.Add($"GrainCollectionOptions.DeactivationTimeout must be positive (was {options.DeactivationTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace Maestro.GrainInterfaces.Healing;

/// <summary>The element a locator found in its last green run: what healing compares the live page against.</summary>
/// <param name="Element">The element's description then.</param>
/// <param name="Url">The page it was on.</param>
/// <param name="CapturedAt">When.</param>
public sealed record LocatorReference(ElementDescriptor Element, string Url, DateTimeOffset CapturedAt);

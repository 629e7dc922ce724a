namespace RegistryGuard.Pruning.Planning;

/// <summary>The words of <see cref="TagOrder"/> on the command line, in YAML and in reports.</summary>
public static class TagOrderText
{
    public const string Allowed = "time, semver, name";

    public static string Name(TagOrder order) => order switch
    {
        TagOrder.Semver => "semver",
        TagOrder.Name => "name",
        _ => "time",
    };

    public static bool TryParse(string? text, out TagOrder order)
    {
        (var ok, order) = text?.Trim().ToLowerInvariant() switch
        {
            "time" => (true, TagOrder.Time),
            "semver" => (true, TagOrder.Semver),
            "name" => (true, TagOrder.Name),
            _ => (false, TagOrder.Time),
        };
        return ok;
    }
}

namespace RegistryGuard.Pruning.Planning;

/// <summary>How the tags competing for the newest-N slots are ordered (<c>--order</c>, <c>order:</c>).</summary>
public enum TagOrder
{
    /// <summary>By push time, newest first (the default when every tag has one); tags without one rank below, by name.</summary>
    Time,

    /// <summary>Tags that parse as semantic versions first, highest first; the others by push time, then name.</summary>
    Semver,

    /// <summary>By tag name, highest first, comparing runs of digits as numbers (<c>v10</c> above <c>v9</c>).</summary>
    Name,
}

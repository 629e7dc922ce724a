using System.Globalization;

namespace RegistryGuard.Pruning.Execution;

internal static class StateLocation
{
    /// <summary><c>$XDG_STATE_HOME/registryguard/&lt;kind&gt;/&lt;UTC time&gt;-&lt;random&gt;</c>: outside the registry's storage.</summary>
    public static string Timestamped(string kind, TimeProvider timeProvider)
    {
        var stateHome = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        var stamp = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(stateHome, "registryguard", kind, $"{stamp}-{Guid.NewGuid().ToString("N")[..6]}");
    }
}

using System.Globalization;

namespace RegistryGuard.Storage.Journaling;

public static class JournalLocation
{
    /// <summary>
    /// <c>$XDG_STATE_HOME/registryguard/journals/&lt;command&gt;-&lt;UTC time&gt;.jsonl</c>: outside the registry's storage,
    /// so the registry and its GC never see it.
    /// </summary>
    public static string Default(string command, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var stateHome = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        var stamp = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(stateHome, "registryguard", "journals", $"{command}-{stamp}-{Guid.NewGuid().ToString("N")[..6]}.jsonl");
    }
}

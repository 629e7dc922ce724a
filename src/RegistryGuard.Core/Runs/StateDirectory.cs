using System.Globalization;

namespace RegistryGuard.Runs;

/// <summary>
/// The one place RegistryGuard keeps state between runs: <c>$XDG_STATE_HOME/registryguard</c>, or
/// <c>~/.local/state/registryguard</c> without it. Journals, restore bundles and the deep cursor live here by
/// default: outside the registry's storage, so the registry and its garbage-collect never see them.
/// </summary>
public static class StateDirectory
{
    public static string Root =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"),
            "registryguard");

    public static string Journals => Path.Combine(Root, "journals");

    public static string PruneBackups => Path.Combine(Root, "prune-backups");

    /// <summary>A journal file that does not exist yet: <c>&lt;directory&gt;/&lt;command&gt;-&lt;UTC time&gt;-&lt;random&gt;.jsonl</c>.</summary>
    /// <param name="directory">Where serve's <c>journal_dir</c> puts them; null: <see cref="Journals"/>.</param>
    public static string NewJournal(string command, string? directory, TimeProvider timeProvider) =>
        Path.Combine(directory ?? Journals, $"{command}-{Stamp(timeProvider)}.jsonl");

    /// <summary>A restore bundle directory that does not exist yet: <c>&lt;directory&gt;/&lt;UTC time&gt;-&lt;random&gt;</c>.</summary>
    /// <param name="directory">Where serve's <c>backup_dir</c> puts them; null: <see cref="PruneBackups"/>.</param>
    public static string NewBackup(string? directory, TimeProvider timeProvider) =>
        Path.Combine(directory ?? PruneBackups, Stamp(timeProvider));

    /// <summary>The file keeping the <c>--deep-budget</c> cursor of one registry between runs.</summary>
    public static string DeepCursor(Uri registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var name = new string([.. registry.Authority.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return Path.Combine(Root, $"deep-cursor-{name}");
    }

    // Unique even for two runs in one second: a journal or bundle is never reused (an existing one records an earlier run).
    private static string Stamp(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var time = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"{time}-{Guid.NewGuid().ToString("N")[..6]}";
    }
}

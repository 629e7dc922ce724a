using Microsoft.Extensions.Time.Testing;
using RegistryGuard.Runs;

namespace RegistryGuard.Tests.Runs;

public sealed class StateDirectoryTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 4, 19, 2, 30, 5, TimeSpan.Zero));

    [Fact]
    public void State_lives_under_xdg_state_home_or_the_home_directory_s_local_state()
    {
        var expected = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? Path.Combine(xdg, "registryguard")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "registryguard");

        Assert.Equal(expected, StateDirectory.Root);
        Assert.Equal(Path.Combine(expected, "journals"), StateDirectory.Journals);
        Assert.Equal(Path.Combine(expected, "prune-backups"), StateDirectory.PruneBackups);
    }

    [Fact]
    public void Each_run_gets_a_new_journal_and_bundle_named_by_its_time()
    {
        var first = StateDirectory.NewJournal("scan", null, Time);
        var second = StateDirectory.NewJournal("scan", null, Time);

        Assert.NotEqual(first, second);
        Assert.Equal(StateDirectory.Journals, Path.GetDirectoryName(first));
        Assert.Matches(@"^scan-20260419T023005Z-[0-9a-f]{6}\.jsonl$", Path.GetFileName(first));
        Assert.Matches(@"^/srv/backups/20260419T023005Z-[0-9a-f]{6}$", StateDirectory.NewBackup("/srv/backups", Time));
        Assert.Matches(@"^/srv/journals/prune-20260419T023005Z-[0-9a-f]{6}\.jsonl$", StateDirectory.NewJournal("prune", "/srv/journals", Time));
    }

    [Fact]
    public void The_deep_cursor_is_one_file_per_registry()
    {
        Assert.Equal(Path.Combine(StateDirectory.Root, "deep-cursor-registry_example_5050"), StateDirectory.DeepCursor(new Uri("https://registry.example:5050")));
    }
}

using System.Text.RegularExpressions;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.IntegrationTests.Crash;

/// <summary>What must hold after any kill, before anyone has cleaned up.</summary>
internal static partial class CrashInvariants
{
    /// <summary>Every file the registry reads as a link holds a whole digest: never a half-written one.</summary>
    public static int AssertEveryLinkIsWhole(string v2Root)
    {
        var links = Directory.EnumerateFiles(Path.Combine(v2Root, "repositories"), "link", SearchOption.AllDirectories).ToList();
        Assert.All(links, link => Assert.True(WholeLink().IsMatch(File.ReadAllText(link)), $"{link}: '{File.ReadAllText(link)}'"));
        return links.Count;
    }

    public static IReadOnlyList<string> Temporaries(string v2Root) =>
        [.. Directory.EnumerateFiles(Path.Combine(v2Root, "repositories"), ".registryguard-*.tmp", SearchOption.AllDirectories)];

    public static void AssertBlobDataUnchanged(string v2Root, SortedDictionary<string, string> blobsBefore) =>
        Assert.Equal(blobsBefore, StorageSnapshot.Take(Path.Combine(v2Root, "blobs")));

    /// <summary>Entries under every <c>_manifests/tags/&lt;tag&gt;</c> whose tag name the predicate keeps: bytes and mtime.</summary>
    public static SortedDictionary<string, string> Tags(SortedDictionary<string, string> exact, Func<string, bool> keep) =>
        new(exact.Where(e => TagOf(e.Key) is { } tag && keep(tag)).ToDictionary(), StringComparer.Ordinal);

    /// <summary>The operator's recovery: <c>registryguard undo</c>. A run killed before its journal existed changed nothing.</summary>
    public static async Task UndoAsync(string journal)
    {
        if (!File.Exists(journal))
        {
            return;
        }

        var undo = await CliRunner.RunAsync("undo", "--journal", journal);
        Assert.True(undo.ExitCode == 0, undo.Combined);
    }

    /// <summary>How a journal looks after the kill, read the way undo reads it.</summary>
    public static string Describe(string journal)
    {
        if (!File.Exists(journal))
        {
            return "no journal (killed before the work began)";
        }

        var (_, entries, warnings) = JournalUndo.Read(journal);
        var torn = warnings.Any(w => w.Contains("incomplete", StringComparison.Ordinal));
        var finished = !warnings.Any(w => w.Contains("did not finish", StringComparison.Ordinal));
        return $"{entries.Count} records{(torn ? ", torn last line" : "")}{(finished ? ", finished" : ", unfinished")}";
    }

    private static string? TagOf(string relative)
    {
        var segments = relative.Split(Path.DirectorySeparatorChar);
        var at = Array.IndexOf(segments, "tags");
        return at > 0 && segments[at - 1] == "_manifests" && at + 1 < segments.Length ? segments[at + 1] : null;
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex WholeLink();
}

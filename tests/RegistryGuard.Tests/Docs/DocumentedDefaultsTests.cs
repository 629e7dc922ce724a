using System.Text.RegularExpressions;
using RegistryGuard.Metrics;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Runs;
using RegistryGuard.Scheduling.Config;
using RegistryGuard.Testing;

namespace RegistryGuard.Tests.Docs;

/// <summary>
/// The defaults the docs, the example config and the --help texts state are the values the code uses: each
/// statement is written here from the code's constant, so changing a default without its docs fails.
/// </summary>
public sealed partial class DocumentedDefaultsTests
{
    [Fact]
    public void Serve_s_listen_address_and_time_zone()
    {
        AssertStated($"| `listen` | `{ServeConfigLoader.DefaultListen}` |", "docs/serve.md");
        AssertStated($"listen: {ServeConfigLoader.DefaultListen} ", "deploy/serve.example.yml");
        AssertStated($"| `time_zone` | `{ServeConfigLoader.DefaultTimeZone}` |", "docs/serve.md");
    }

    [Fact]
    public void Connection_concurrency_timeout_and_retries()
    {
        AssertStated($"(`--concurrency`, default {RegistryConnection.DefaultConcurrency};", "README.md");

        // Stated once for probe jobs and once for prune jobs.
        var serveOptions = $"`concurrency` ({RegistryConnection.DefaultConcurrency}), `timeout_seconds` ({RegistryConnection.DefaultTimeoutSeconds}), `retries` ({RegistryConnection.DefaultRetries})";
        Assert.Equal(2, Occurrences(Read("docs/serve.md"), serveOptions));
        AssertStated($"a prune job's `concurrency` was 8 and is {RegistryConnection.DefaultConcurrency} (`prune --concurrency`)", "docs/serve.md");
    }

    [Fact]
    public void Prune_keep_and_protect()
    {
        var keep = PrunePolicy.Default.Keep;
        var protect = Assert.Single(PrunePolicy.Default.Protect).Pattern;

        AssertStated($"(`--keep N`, default {keep})", "docs/prune.md");
        AssertStated($"(`--protect`, repeatable, tag globs; default `{protect}`)", "docs/prune.md");
        AssertStated($"(plus protected ones, default `{protect}`)", "README.md");
        AssertStated($"`keep` (default {keep})", "docs/serve.md");
        AssertStated($"--keep {keep} ", "docs/prune.md", "docs/runbook.md");
        AssertStated($"keep: {keep} ", "deploy/serve.example.yml");
    }

    [Fact]
    public void Scan_and_gc_job_options()
    {
        AssertStated($"`upload_age` (default `{ScanRunOptions.DefaultUploadAgeText}`)", "docs/serve.md");
        AssertStated($"`command` (default `{GarbageCollectRunOptions.DefaultCommand}`)", "docs/serve.md");
        AssertStated($"`timeout_minutes` (default {GarbageCollectRunOptions.DefaultTimeoutMinutes})", "docs/serve.md");
    }

    [Fact]
    public void Pushgateway_job_names()
    {
        AssertStated($"| `--job NAME` | `{ProbeRunOptions.DefaultJob}` (probe), `{VerifyRunOptions.DefaultJob}` (verify) |", "docs/metrics.md");
        AssertStated(
            $"(job `{ProbeRunOptions.DefaultJob}`, `{ScanRunOptions.DefaultJob}`, `{PruneRunOptions.DefaultJob}` or `{GarbageCollectRunOptions.DefaultJob}` by type,",
            "docs/serve.md");
        AssertStated($"## scan (job `{ScanRunOptions.DefaultJob}`", "docs/metrics.md");
        AssertStated($"## prune (job `{PruneRunOptions.DefaultJob}`)", "docs/metrics.md");
        AssertStated($"`job=\"{GarbageCollectRunOptions.DefaultJob}\"`", "docs/metrics.md");
    }

    [Fact]
    public void Every_state_file_the_docs_and_help_texts_name_is_where_the_code_keeps_it()
    {
        var root = Path.GetFileName(StateDirectory.Root);
        var places = new[]
        {
            Path.GetRelativePath(StateDirectory.Root, StateDirectory.Journals),
            Path.GetRelativePath(StateDirectory.Root, StateDirectory.PruneBackups),
            Path.GetRelativePath(StateDirectory.Root, StateDirectory.DeepCursor(new Uri("https://registry.example:5050"))).Replace("registry_example_5050", "<host_port>", StringComparison.Ordinal),
        };
        var files = new[] { RepositoryFiles.Path("README.md") }
            .Concat(Directory.GetFiles(RepositoryFiles.Path("docs"), "*.md"))
            .Concat(Directory.GetFiles(RepositoryFiles.Path("src", "RegistryGuard.Cli"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)));

        var stated = files.SelectMany(file => StatePath().Matches(File.ReadAllText(file)).Select(m => (file, m.Groups[1].Value, m.Groups[2].Value))).ToList();

        Assert.True(stated.Count >= 8, $"only {stated.Count} state paths found");
        Assert.All(stated, s => Assert.True(
            s.Item2 == root && places.Contains(s.Item3),
            $"{Path.GetRelativePath(RepositoryFiles.Root, s.file)}: $XDG_STATE_HOME/{s.Item2}/{s.Item3} is not one of {root}/{{{string.Join(", ", places)}}}"));
    }

    private static void AssertStated(string statement, params string[] files)
    {
        foreach (var file in files)
        {
            Assert.True(Read(file).Contains(statement, StringComparison.Ordinal), $"{file} does not state the code's default: {statement}");
        }
    }

    /// <summary>The file with every run of white space as one space: a statement may be wrapped anywhere.</summary>
    private static string Read(string file) => WhiteSpace().Replace(File.ReadAllText(RepositoryFiles.Path(file.Split('/'))), " ");

    private static int Occurrences(string text, string statement) =>
        (text.Length - text.Replace(statement, "", StringComparison.Ordinal).Length) / statement.Length;

    /// <summary><c>$XDG_STATE_HOME/registryguard/journals</c>, <c>…/deep-cursor-&lt;host_port&gt;</c>: the directory and the place in it.</summary>
    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\$XDG_STATE_HOME/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.<>-]+?)(?=[/`)\s.,]|$)")]
    private static partial Regex StatePath();
}

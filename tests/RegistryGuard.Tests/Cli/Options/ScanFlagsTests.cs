using RegistryGuard.Cli.Options;
using RegistryGuard.Runs;
using RegistryGuard.Scanning;
using RegistryGuard.Scheduling;
using RegistryGuard.Tests.Runs;

namespace RegistryGuard.Tests.Cli.Options;

public sealed class ScanFlagsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scan-flags-").FullName;

    public ScanFlagsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "docker", "registry", "v2", "repositories"));
        Directory.CreateDirectory(Path.Combine(_root, "docker", "registry", "v2", "blobs"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_flag_lands_in_the_run_options()
    {
        var journal = Path.Combine(_root, "fix.jsonl");

        var options = Scan("--root", _root, "--deep", "--pull-through", "cache/**", "--upload-age", "90m", "--fix", "--journal", journal, "--concurrency", "3");

        Assert.Equal((_root, true, TimeSpan.FromMinutes(90), 3, true, journal), (options.Root, options.Deep, options.UploadAge, options.Concurrency, options.Fix, options.JournalPath));
        Assert.Equal("cache/**", Assert.Single(options.PullThrough).Pattern);
        Assert.Null(options.Registry); // the push's instance is this machine
    }

    [Fact]
    public void The_command_line_and_serve_map_the_same_defaults_and_serve_names_its_registry_as_the_instance()
    {
        var cli = Scan("--root", _root);
        var job = ServeJob.Parse("scan", "http://127.0.0.1:5000", registryLines: $"storage_root: {_root}");

        var serve = ServeRunOptions.Scan(job.Job, job.Registry, push: null);

        Assert.Equal(RecordText.Of(new ScanRunOptions(_root)), RecordText.Of(cli));
        Assert.Equal(RecordText.Of(cli with { Registry = job.Registry.Url }), RecordText.Of(serve));
        Assert.Equal((TimeSpan.FromHours(24), ScanOptions.DefaultConcurrency, false), (cli.UploadAge, cli.Concurrency, cli.Fix));
    }

    [Fact]
    public void The_same_settings_given_on_the_command_line_or_in_serve_yaml_map_to_the_same_options()
    {
        var cli = Scan("--root", _root, "--deep", "--upload-age", "48h", "--concurrency", "3", "--fix", "--pull-through", "cache/**");
        var job = ServeJob.Parse("scan", "http://127.0.0.1:5000", """
            deep: true
            upload_age: 48h
            concurrency: 3
            fix: true
            """, $"storage_root: {_root}\npull_through: cache/**");

        var serve = ServeRunOptions.Scan(job.Job, job.Registry, push: null);

        Assert.Equal(RecordText.Of(cli with { Registry = job.Registry.Url }), RecordText.Of(serve));
    }

    [Fact]
    public void Fix_on_a_directory_that_is_not_registry_storage_is_refused_before_anything_runs()
    {
        var empty = Directory.CreateTempSubdirectory("not-storage-").FullName;
        try
        {
            var ex = Assert.Throws<UsageException>(() => Scan("--root", empty, "--fix"));

            Assert.StartsWith("refusing --fix", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void An_existing_journal_is_refused_for_a_fix()
    {
        var journal = Path.Combine(_root, "old.jsonl");
        File.WriteAllText(journal, "");

        var ex = Assert.Throws<UsageException>(() => Scan("--root", _root, "--fix", "--journal", journal));

        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
    }

    private static ScanRunOptions Scan(params string[] args)
    {
        var flags = new ScanFlags();
        return flags.Map(FlagsParser.Parse(flags.AddTo, args));
    }
}

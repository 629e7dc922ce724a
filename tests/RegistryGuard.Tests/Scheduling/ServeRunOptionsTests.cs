using RegistryGuard.Runs;
using RegistryGuard.Scheduling;
using RegistryGuard.Scheduling.Config;
using RegistryGuard.Tests.Runs;
using RegistryGuard.Tests.Signatures;

namespace RegistryGuard.Tests.Scheduling;

public sealed class ServeRunOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("serve-run-options-").FullName;
    private readonly KeyFiles _keys = new();

    public ServeRunOptionsTests()
    {
        File.WriteAllText(Path.Combine(_directory, "registry.yml"), "version: 0.1\n");
        File.WriteAllText(Path.Combine(_directory, "policy.yml"), "defaults:\n  keep: 4\n");
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        _keys.Dispose();
    }

    /// <summary>A value other than the default for every option a job type accepts.</summary>
    private Dictionary<string, string> NonDefault => new(StringComparer.Ordinal)
    {
        ["deep"] = "true",
        ["deep_budget"] = "1GiB",
        ["deep_state"] = "/tmp/cursor",
        ["concurrency"] = "3",
        ["timeout_seconds"] = "7",
        ["retries"] = "0",
        ["shard"] = "1/2",
        ["upstream_state"] = "/tmp/upstream",
        ["command"] = "/usr/bin/true",
        ["dry_run"] = "true",
        ["timeout_minutes"] = "5",
        ["fix"] = "true",
        ["upload_age"] = "1h",
        ["journal_dir"] = "/tmp/journals",
        ["via"] = "storage",
        ["apply"] = "true",
        ["keep"] = "2",
        ["config"] = Path.Combine(_directory, "policy.yml"),
        ["keep_untagged"] = "true",
        ["semver"] = "true",
        ["order"] = "name",
        ["backup_dir"] = "/tmp/backups",
        ["cosign_keys"] = _keys.P256,
        ["require_signature"] = "release/**",
    };

    /// <summary>Options that only mean something with another one: given in both the baseline and the changed config.</summary>
    private Dictionary<string, string> Needs => new(StringComparer.Ordinal)
    {
        ["require_signature"] = $"cosign_keys: {_keys.P256}",
    };

    [Theory]
    [InlineData("probe")]
    [InlineData("scan")]
    [InlineData("prune")]
    [InlineData("gc")]
    public void Every_option_a_job_type_accepts_changes_its_run_options(string type)
    {
        var required = type == "gc" ? $"config: {Path.Combine(_directory, "registry.yml")}" : "";

        foreach (var key in ServeConfigLoader.JobOptions[type].Where(k => !(type == "gc" && k == "config")))
        {
            var given = Needs.TryGetValue(key, out var needed) ? $"{required}\n{needed}" : required;
            var baseline = RecordText.Of(Map(type, given));
            var mapped = RecordText.Of(Map(type, $"{given}\n{key}: {NonDefault[key]}"));

            Assert.True(mapped != baseline, $"{type} option '{key}' is accepted by the config but changes nothing");
        }
    }

    [Fact]
    public void A_gc_job_without_options_runs_plain_docker_registry_garbage_collect_for_an_hour_at_most()
    {
        var config = Path.Combine(_directory, "registry.yml");

        var options = (GarbageCollectRunOptions)Map("gc", $"config: {config}");

        Assert.Equal(RecordText.Of(new GarbageCollectRunOptions(config) { Registry = new Uri("http://127.0.0.1:5000") }), RecordText.Of(options));
        Assert.Equal(["garbage-collect", config], options.Arguments);
        Assert.Equal(("docker-registry", TimeSpan.FromMinutes(60)), (options.Command, options.Timeout));
    }

    [Fact]
    public void Only_runs_that_change_the_registry_are_mutating()
    {
        var config = ServeConfigLoader.Parse($"""
            registries:
              - name: r
                url: http://127.0.0.1:5000
                storage_root: {_directory}
            jobs:
              - {Job("probe", "")}
              - {Job("scan-dry", "scan")}
              - {Job("scan-fix", "scan", "fix: true")}
              - {Job("prune-dry", "prune")}
              - {Job("prune-apply", "prune", "apply: true")}
              - {Job("gc", "gc", $"config: {Path.Combine(_directory, "registry.yml")}")}
            """, "serve.yml", _directory);

        var jobs = ServeJobFactory.Create(config, TimeProvider.System);

        Assert.Equal(
            [("probe", false), ("scan-dry", false), ("scan-fix", true), ("prune-dry", false), ("prune-apply", true), ("gc", true)],
            jobs.Select(j => (j.Name, j.Job.Mutating)));
    }

    private static string Job(string name, string type, string option = "") =>
        $"{{ name: {name}, type: {(type.Length == 0 ? name : type)}, registry: r, schedule: \"0 3 * * *\"{(option.Length == 0 ? "" : $", options: {{ {option} }}")} }}";

    private object Map(string type, string options)
    {
        var job = ServeJob.Parse(type, "http://127.0.0.1:5000", options, $"storage_root: {_directory}");
        return type switch
        {
            "probe" => ServeRunOptions.Probe(job.Job, job.Registry, push: null),
            "scan" => ServeRunOptions.Scan(job.Job, job.Registry, push: null),
            "prune" => ServeRunOptions.Prune(job.Job, job.Registry, push: null),
            _ => ServeRunOptions.GarbageCollect(job.Job, job.Registry, push: null),
        };
    }
}

using RegistryGuard.Scheduling;
using RegistryGuard.Scheduling.Config;
using RegistryGuard.Tests.Signatures;

namespace RegistryGuard.Tests.Scheduling;

public sealed class ServeConfigLoaderTests
{
    private static readonly string Base = Path.GetTempPath();

    [Fact]
    public void A_valid_config_is_read_with_defaults()
    {
        var config = ServeConfigLoader.Parse(
            """
            time_zone: Europe/London
            registries:
              - name: main
                url: http://127.0.0.1:5000
                pull_through: ["mirror/**"]
            jobs:
              - name: nightly-probe
                type: probe
                registry: main
                schedule: "30 3 * * *"
                options:
                  deep_budget: 2GiB
                  shard: 0/2
            """, "serve.yml", Base);

        Assert.Equal(("127.0.0.1", 9464), (config.ListenHost, config.ListenPort));
        Assert.Equal("Europe/London", config.TimeZone.Id);
        var job = Assert.Single(config.Jobs);
        Assert.Equal(("nightly-probe", "probe", "main", "2GiB"), (job.Name, job.Type, job.Registry, job.Options["deep_budget"]));
        Assert.Single(config.Registries["main"].PullThrough);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line_and_key()
    {
        var ex = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse(
            """
            listen: 127.0.0.1:9464
            colour: blue
            registries:
              - name: main
                url: ftp://example
            jobs:
              - name: probe
                type: probe
                registry: other
                schedule: "61 * * * *"
              - name: clean
                type: scan
                registry: main
                schedule: "0 2 * * *"
              - name: gc
                type: gc
                registry: main
                schedule: "0 3 * * 0"
                options:
                  delete_untagged: true
            """, "serve.yml", Base));

        Assert.Contains("serve.yml:2: colour: unknown key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serve.yml:5: registries[0].url:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serve.yml:9: jobs[0].registry: 'other'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serve.yml:10: jobs[0].schedule: '61 * * * *' is not a cron schedule", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serve.yml:20: jobs[2].options.delete_untagged: refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_that_can_never_fire_is_one_line_naming_the_job_and_the_schedule()
    {
        var ex = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse(
            """
            registries:
              - name: main
                url: http://127.0.0.1:5000
            jobs:
              - name: leap-probe
                type: probe
                registry: main
                schedule: "0 0 29 2 *"
              - name: never-probe
                type: probe
                registry: main
                schedule: "0 0 30 2 *"
            """, "serve.yml", Base));

        var line = Assert.Single(ex.Errors);
        Assert.Equal("serve.yml:12: jobs[1].schedule: job 'never-probe': schedule '0 0 30 2 *' never fires (no date matches it)", line);
    }

    [Fact]
    public void Scan_and_prune_jobs_are_accepted_and_a_scan_needs_the_storage_root()
    {
        var storage = Directory.CreateTempSubdirectory("serve-storage-").FullName;
        try
        {
            var config = ServeConfigLoader.Parse(
                $"""
                registries:
                  - name: vm
                    url: http://127.0.0.1:5000
                    storage_root: {storage}
                jobs:
                  - name: prune
                    type: prune
                    registry: vm
                    schedule: "0 2 * * *"
                    options:
                      keep: 10
                      apply: true
                  - name: scan
                    type: scan
                    registry: vm
                    schedule: "0 4 * * *"
                    options:
                      fix: true
                      upload_age: 48h
                """, "serve.yml", Base);
            var jobs = ServeJobFactory.Create(config, TimeProvider.System);
            Assert.Equal(["prune", "scan"], jobs.Select(j => j.Type));

            var ex = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse(
                """
                registries:
                  - name: remote
                    url: https://registry.example
                jobs:
                  - name: scan
                    type: scan
                    registry: remote
                    schedule: "0 4 * * *"
                  - name: prune
                    type: prune
                    registry: remote
                    schedule: "0 2 * * *"
                    options:
                      via: ftp
                """, "serve.yml", Base));
            Assert.Contains("serve.yml:7: jobs[0].registry: a scan job reads the storage: registry 'remote' needs storage_root", ex.Message, StringComparison.Ordinal);
            Assert.Contains("serve.yml:14: jobs[1].options.via: 'ftp' is neither api nor storage", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Fact]
    public void Syntax_errors_name_the_line()
    {
        var ex = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse("registries:\n  - name: a\n    url: \"unclosed\njobs: []\n", "serve.yml", Base));
        var odd = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse("registries:\n  - name: [unclosed\njobs: []\n", "serve.yml", Base));

        Assert.Matches(@"serve\.yml:\d+: \(syntax\)", ex.Message);
        Assert.Contains("(syntax)", odd.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Urls_with_credentials_are_refused_without_echoing_the_password()
    {
        var ex = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse(
            """
            pushgateway: http://push:gw-Secret-1@127.0.0.1:9091
            registries:
              - name: main
                url: https://user:reg-Secret-2@127.0.0.1:5000
            jobs:
              - name: probe
                type: probe
                registry: main
                schedule: "0 * * * *"
            """, "serve.yml", Base));

        Assert.Contains("serve.yml:1: pushgateway: 'http://***@127.0.0.1:9091'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("registries[0].url: 'https://***@127.0.0.1:5000'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cosign_keys_are_read_at_load_relative_to_the_config_and_take_one_file_or_a_list()
    {
        using var keys = new KeyFiles();

        var config = ServeConfigLoader.Parse(
            """
            registries:
              - name: main
                url: http://127.0.0.1:5000
            jobs:
              - name: one
                type: probe
                registry: main
                schedule: "0 * * * *"
                options:
                  cosign_keys: cosign.pub
              - name: both
                type: probe
                registry: main
                schedule: "0 * * * *"
                options:
                  cosign_keys: [cosign.pub, rsa.pub]
                  require_signature: ["release/**"]
            """, "serve.yml", keys.Directory);

        Assert.Equal([keys.P256], config.Jobs[0].Lists["cosign_keys"]);
        Assert.Equal([keys.P256, keys.Rsa], config.Jobs[1].Lists["cosign_keys"]);
        Assert.Equal(["release/**"], config.Jobs[1].Lists["require_signature"]);
    }

    [Fact]
    public void A_bad_key_file_or_a_requirement_without_keys_is_a_config_error_with_its_line()
    {
        using var keys = new KeyFiles();

        var ex = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse(
            """
            registries:
              - name: main
                url: http://127.0.0.1:5000
            jobs:
              - name: garbage
                type: probe
                registry: main
                schedule: "0 * * * *"
                options:
                  cosign_keys: [cosign.pub, garbage.pub, missing.pub]
              - name: keyless
                type: probe
                registry: main
                schedule: "0 * * * *"
                options:
                  require_signature: "release/**"
              - name: scan
                type: scan
                registry: main
                schedule: "0 * * * *"
                options:
                  cosign_keys: cosign.pub
            """, "serve.yml", keys.Directory));

        Assert.Contains($"serve.yml:10: jobs[0].options.cosign_keys: cosign key {keys.NotAKey}: not a PEM public key", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"serve.yml:10: jobs[0].options.cosign_keys: cosign key {Path.Combine(keys.Directory, "missing.pub")}: no such file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serve.yml:16: jobs[1].options.require_signature: needs cosign_keys", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serve.yml:22: jobs[2].options.cosign_keys: unknown key", ex.Message, StringComparison.Ordinal);
    }
}

using RegistryGuard.Scheduling.Config;

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
                type: prune
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
        Assert.Contains("serve.yml:12: jobs[1].type: 'prune' jobs are not wired", ex.Message, StringComparison.Ordinal);
        Assert.Contains("serve.yml:20: jobs[2].options.delete_untagged: refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_name_the_line()
    {
        var ex = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse("registries:\n  - name: a\n    url: \"unclosed\njobs: []\n", "serve.yml", Base));
        var odd = Assert.Throws<ServeConfigException>(() => ServeConfigLoader.Parse("registries:\n  - name: [unclosed\njobs: []\n", "serve.yml", Base));

        Assert.Matches(@"serve\.yml:\d+: \(syntax\)", ex.Message);
        Assert.Contains("(syntax)", odd.Message, StringComparison.Ordinal);
    }
}

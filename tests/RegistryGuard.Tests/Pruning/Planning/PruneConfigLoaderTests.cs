using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Planning;

namespace RegistryGuard.Tests.Pruning.Planning;

public sealed class PruneConfigLoaderTests
{
    private const string Example = """
        defaults:
          keep: 10
          protect: [latest, stable]
          keep-regex: 'release-.*'
        include: ["**"]
        exclude: ["dockerhub/**"]
        repositories:
          - match: "team/ci/**"
            keep: 3
            delete-regex: 'pr-[0-9]+'
          - match: "mirror/*"
            keep-untagged: true
            semver: true
        """;

    [Fact]
    public void The_documented_example_parses_and_rules_apply_first_match_with_flags_between_defaults_and_rules()
    {
        var config = PruneConfigLoader.Parse(Example);
        var rules = PruneConfigLoader.Rules(config, new PolicyOverrides { Keep = 7 }, [], ["secret/**"]);

        Assert.True(rules.InScope("team/ci/runner"));
        Assert.False(rules.InScope("dockerhub/library/nginx"));
        Assert.False(rules.InScope("secret/x"));
        Assert.Equal(7, rules.PolicyFor("demo/app").Keep);                // the flag beats the config's defaults
        Assert.Equal(3, rules.PolicyFor("team/ci/runner").Keep);          // a repository rule beats the flag
        Assert.Matches(rules.PolicyFor("team/ci/runner").DeleteRegex!, "pr-12");
        Assert.Equal(["latest", "stable"], rules.PolicyFor("team/ci/runner").Protect.Select(p => p.Pattern));
        Assert.True(rules.PolicyFor("mirror/nginx").KeepUntagged);
        Assert.True(rules.PolicyFor("mirror/nginx").Semver);
        Assert.Equal(7, rules.PolicyFor("mirror/nginx").Keep);
    }

    [Theory]
    [InlineData("defaults:\n  kep: 3\n", "config:2: 'kep' unknown key")]
    [InlineData("defaults:\n  keep: three\n", "config:2: 'keep' must be a whole number")]
    [InlineData("defaults:\n  keep: -1\n", "config:2: 'keep' must be a whole number")]
    [InlineData("defaults:\n  semver: yes please\n", "config:2: 'semver' must be true or false")]
    [InlineData("defaults:\n  keep: 1\n  delete-regex: '(['\n", "config:3: 'delete-regex' is not a valid regular expression")]
    [InlineData("repositories:\n  - keep: 3\n", "config:2: 'repositories[]' a rule needs 'match'")]
    [InlineData("repositories:\n  match: x\n", "config:2: 'repositories' must be a list")]
    [InlineData("defaults: [1, 2]\n", "config:1: 'defaults' must be a mapping")]
    [InlineData("defaults:\n  keep: 1\n bad: [\n", "config:3: not valid YAML")]
    public void Errors_name_the_line_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<PruneConfigException>(() => PruneConfigLoader.Parse(yaml));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_means_the_built_in_defaults()
    {
        var rules = PruneConfigLoader.Rules(PruneConfigLoader.Parse(""), new PolicyOverrides(), [], []);
        Assert.Equal(10, rules.Defaults.Keep);
        Assert.Equal(["latest"], rules.Defaults.Protect.Select(p => p.Pattern));
    }
}

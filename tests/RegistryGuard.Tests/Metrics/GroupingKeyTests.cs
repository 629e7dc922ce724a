using RegistryGuard.Metrics;

namespace RegistryGuard.Tests.Metrics;

public sealed class GroupingKeyTests
{
    [Fact]
    public void Plain_values_stay_readable()
    {
        var key = new GroupingKey("registry-integrity-probe", [new MetricLabel("instance", "registry.example:5050")]);

        Assert.Equal("metrics/job/registry-integrity-probe/instance/registry.example:5050", key.ToPath());
    }

    [Fact]
    public void Slashes_empty_values_and_control_characters_use_url_safe_base64()
    {
        var key = new GroupingKey("team/job", [new MetricLabel("path", "a/b?"), new MetricLabel("empty", ""), new MetricLabel("nl", "x\ny")]);

        // "team/job" → dGVhbS9qb2I=, "a/b?" → YS9iPw== (standard base64 "YS9iPw==" has no +/ here), "x\ny" → eAp5
        Assert.Equal("metrics/job@base64/dGVhbS9qb2I=/path@base64/YS9iPw==/empty@base64/=/nl@base64/eAp5", key.ToPath());
    }

    [Fact]
    public void Url_safe_alphabet_replaces_plus_and_slash()
    {
        var key = new GroupingKey("j", [new MetricLabel("v", "\u00fb\u00ff")]); // UTF-8 c3 bb c3 bf → w7vDvw== ; with ? bytes → '+' '/'
        var path = key.ToPath();

        Assert.DoesNotContain('+', path[path.IndexOf("@base64/", StringComparison.Ordinal)..]);
        Assert.Equal(Convert.ToBase64String("\u00fb\u00ff"u8.ToArray()).Replace('+', '-').Replace('/', '_'), path.Split('/')[^1]);
    }

    [Fact]
    public void Duplicate_or_invalid_label_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new GroupingKey("j", [new MetricLabel("job", "x")]));
        Assert.Throws<ArgumentException>(() => new GroupingKey("j", [new MetricLabel("a", "1"), new MetricLabel("a", "2")]));
        Assert.Throws<ArgumentException>(() => new GroupingKey("j", [new MetricLabel("bad-name", "1")]));
    }
}

using RegistryGuard.Metrics;

namespace RegistryGuard.Tests.Metrics;

public sealed class ExpositionFormatTests
{
    [Fact]
    public void Writes_help_type_and_samples_with_escaped_label_values()
    {
        var family = new MetricFamily("registry_x", "Help with \\ and\nnewline \"quotes stay\".", MetricType.Gauge,
            [new MetricSample([new MetricLabel("repository", "a\"b\\c\nd"), new MetricLabel("kind", "missing_blob")], 2)]);

        var text = ExpositionFormat.ToText([family]);

        Assert.Equal(
            "# HELP registry_x Help with \\\\ and\\nnewline \"quotes stay\".\n" +
            "# TYPE registry_x gauge\n" +
            "registry_x{repository=\"a\\\"b\\\\c\\nd\",kind=\"missing_blob\"} 2\n",
            text);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1795318930.381, "1795318930.381")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Formats_values_invariantly(double value, string expected) => Assert.Equal(expected, ExpositionFormat.FormatValue(value));

    [Fact]
    public void Rejects_a_family_name_twice_and_invalid_names()
    {
        var family = MetricFamily.Gauge("a", "h", 1);
        Assert.Throws<ArgumentException>(() => ExpositionFormat.ToText([family, family]));
        Assert.Throws<ArgumentException>(() => MetricFamily.Gauge("1bad", "h", 1));
        Assert.Throws<ArgumentException>(() => MetricFamily.Gauge("ok", "h", "bad-label", [KeyValuePair.Create("v", 1.0)]));
        Assert.Throws<ArgumentException>(() => MetricFamily.Gauge("ok", "h", "__reserved", [KeyValuePair.Create("v", 1.0)]));
    }

    [Fact]
    public void Merge_replaces_families_by_name_like_a_gateway_post()
    {
        IReadOnlyList<MetricFamily> previous = [MetricFamily.Gauge("a", "h", 1), MetricFamily.Gauge("b", "h", 1)];

        var merged = MetricFamilies.Merge(previous, [MetricFamily.Gauge("b", "h", 2)]);

        Assert.Equal([("a", 1.0), ("b", 2.0)], merged.Select(f => (f.Name, f.Samples[0].Value)));
    }
}

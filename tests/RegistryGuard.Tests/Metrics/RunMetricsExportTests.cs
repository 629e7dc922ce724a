using RegistryGuard.Metrics;

namespace RegistryGuard.Tests.Metrics;

/// <summary>What a run's own prometheus-net registry exports: the exact text a push sends.</summary>
public sealed class RunMetricsExportTests
{
    [Fact]
    public async Task A_failed_prune_exports_only_its_run_health()
    {
        var text = await PruneMetrics.Failure().ToTextAsync(CancellationToken.None);

        Assert.Equal(
            "# HELP registryguard_prune_run_success 1 if the last prune ran to the end (dry run or apply), else 0.\n" +
            "# TYPE registryguard_prune_run_success gauge\n" +
            "registryguard_prune_run_success 0\n" +
            "# HELP registryguard_prune_run_interrupted 1 if the last prune was stopped by a signal (or serve's shutdown) before it finished, else 0.\n" +
            "# TYPE registryguard_prune_run_interrupted gauge\n" +
            "registryguard_prune_run_interrupted 0\n",
            text);
    }

    [Fact]
    public async Task A_completed_gc_exports_its_families_in_order_with_invariant_values()
    {
        var finished = DateTimeOffset.FromUnixTimeMilliseconds(1795318930381);

        var text = await GarbageCollectMetrics.From(true, TimeSpan.FromSeconds(1.5), finished).ToTextAsync(CancellationToken.None);

        Assert.Equal(
            "# HELP registryguard_gc_run_success 1 if the last garbage-collect exited 0.\n" +
            "# TYPE registryguard_gc_run_success gauge\n" +
            "registryguard_gc_run_success 1\n" +
            "# HELP registryguard_gc_run_duration_seconds Duration of the last garbage-collect in seconds.\n" +
            "# TYPE registryguard_gc_run_duration_seconds gauge\n" +
            "registryguard_gc_run_duration_seconds 1.5\n" +
            "# HELP registryguard_gc_last_success_timestamp_seconds Unix time at which the last successful garbage-collect finished.\n" +
            "# TYPE registryguard_gc_last_success_timestamp_seconds gauge\n" +
            "registryguard_gc_last_success_timestamp_seconds 1795318930.381\n",
            text);
    }

    [Fact]
    public async Task Label_values_and_help_text_are_escaped()
    {
        var family = RunFamily.Gauge("registry_x", "Help with \\ and\nnewline \"quotes stay\".", ["repository", "kind"],
            [(["a\"b\\c\nd", "missing_blob"], 2)]);

        var text = await new RunMetrics([family], [], Completed: true).ToTextAsync(CancellationToken.None);

        Assert.Equal(
            "# HELP registry_x Help with \\\\ and\\nnewline \"quotes stay\".\n" +
            "# TYPE registry_x gauge\n" +
            "registry_x{repository=\"a\\\"b\\\\c\\nd\",kind=\"missing_blob\"} 2\n",
            text);
        Assert.Equal("a\"b\\c\nd", Assert.Single(ScrapedSample.Parse(text)).Labels["repository"]);
    }

    [Fact]
    public void Rejects_a_family_name_twice_and_invalid_names()
    {
        var family = RunFamily.Gauge("a", "h", 1);
        Assert.Throws<ArgumentException>(() => new RunMetrics([family], [family], Completed: true));
        Assert.Throws<ArgumentException>(() => RunFamily.Gauge("1bad", "h", 1));
        Assert.Throws<ArgumentException>(() => RunFamily.Gauge("ok", "h", "bad-label", [KeyValuePair.Create("v", 1.0)]));
        Assert.Throws<ArgumentException>(() => RunFamily.Gauge("ok", "h", "__reserved", [KeyValuePair.Create("v", 1.0)]));
        Assert.Throws<ArgumentException>(() => RunFamily.Gauge("ok", "h", ["a", "b"], [(["only-one"], 1.0)]));
    }

    [Fact]
    public async Task A_failed_run_replaces_its_families_by_name_like_a_gateway_post()
    {
        IReadOnlyList<RunFamily> previous = [RunFamily.Gauge("a", "h", 1), RunFamily.Gauge("b", "h", 1)];
        var failed = new RunMetrics([RunFamily.Gauge("b", "h", 2)], [RunFamily.Gauge("c", "h", 3)], Completed: false);

        var merged = failed.ApplyTo(previous);

        var text = await new RunMetrics(merged, [], Completed: true).ToTextAsync(CancellationToken.None);
        Assert.Equal([("a", 1.0), ("b", 2.0)], ScrapedSample.Parse(text).Select(s => (s.Name, s.Value)));
    }
}

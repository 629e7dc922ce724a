namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// Samples taken after the warm-up, split into the first and second half by time. A leak shows as a second half
/// above the first; the bounds are generous (the GC keeps what it likes, the thread pool breathes with load), so
/// only steady growth fails: one file descriptor or a few threads per run, or memory climbing run after run.
/// </summary>
internal sealed record ResourceTrend(IReadOnlyList<ResourceSample> First, IReadOnlyList<ResourceSample> Second)
{
    public static ResourceTrend Of(IReadOnlyList<ResourceSample> samples, TimeSpan warmUp)
    {
        var steady = samples.Where(s => s.At >= warmUp).ToList();
        var middle = steady.Count == 0 ? TimeSpan.Zero : steady[0].At + ((steady[^1].At - steady[0].At) / 2);
        return new ResourceTrend([.. steady.Where(s => s.At < middle)], [.. steady.Where(s => s.At >= middle)]);
    }

    public ResourceSample Start => First[0];

    public ResourceSample Middle => Second[0];

    public ResourceSample End => Second[^1];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Why the second half is not flat against the first, or null when it is.</summary>
    public string? Growth()
    {
        if (First.Count < 3 || Second.Count < 3)
        {
            return $"too few samples ({First.Count} + {Second.Count})";
        }

        var rssFirst = Median(First.Select(s => s.RssMiB));
        var rssSecond = Median(Second.Select(s => s.RssMiB));
        var threadsFirst = First.Max(s => s.Threads);
        var threadsSecond = Second.Max(s => s.Threads);
        var filesFirst = First.Max(s => s.OpenFiles);
        var filesSecond = Second.Max(s => s.OpenFiles);
        var problems = new List<string>();
        if (rssSecond > (rssFirst * 1.25) + 32)
        {
            problems.Add($"RSS median {rssFirst:0} MiB -> {rssSecond:0} MiB");
        }

        if (threadsSecond > threadsFirst + Math.Max(8, threadsFirst / 2))
        {
            problems.Add($"threads max {threadsFirst} -> {threadsSecond}");
        }

        if (filesSecond > filesFirst + 16)
        {
            problems.Add($"open files max {filesFirst} -> {filesSecond}");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}

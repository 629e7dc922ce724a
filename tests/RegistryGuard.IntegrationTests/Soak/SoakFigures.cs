using System.Globalization;
using System.Text;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>What a soak run measured, written as the Markdown that <c>bench/soak.sh</c> puts into docs/reliability.md.</summary>
internal sealed record SoakFigures(
    TimeSpan Duration,
    IReadOnlyDictionary<string, int> RunsByJob,
    IReadOnlyDictionary<string, long> SkipsByJob,
    int RegistryOutages,
    int GatewayOutages,
    TimeSpan OutageLength,
    int Checkpoints,
    int Builds,
    int Overlaps,
    ResourceTrend Trend,
    int Samples)
{
    public int Runs => RunsByJob.Values.Sum();

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(string.Create(c, $"{Runs:N0} job runs in {Duration.TotalMinutes:0.0} minutes ({string.Join(", ", RunsByJob.Select(r => string.Create(c, $"{r.Key} {r.Value:N0}")))}; ")
            + string.Create(c, $"{SkipsByJob.Values.Sum():N0} ticks skipped because the job was still running or waiting), {Builds:N0} builds pushed by a client meanwhile, ")
            + string.Create(c, $"{RegistryOutages} registry restarts and {GatewayOutages} Pushgateway outages of at least {OutageLength.TotalSeconds:0} s each, ")
            + string.Create(c, $"{Checkpoints} checkpoints passed (gateway, `/metrics` and `/status` equal to the registry's real state), ")
            + string.Create(c, $"{Overlaps} runs overlapping a mutating one."));
        text.AppendLine();
        text.AppendLine("| serve process | start | middle | end | max |");
        text.AppendLine("|---|---|---|---|---|");
        var all = Trend.First.Concat(Trend.Second).ToList();
        text.AppendLine(c, $"| RSS (MiB) | {Trend.Start.RssMiB:0} | {Trend.Middle.RssMiB:0} | {Trend.End.RssMiB:0} | {all.Max(s => s.RssMiB):0} |");
        text.AppendLine(c, $"| threads | {Trend.Start.Threads} | {Trend.Middle.Threads} | {Trend.End.Threads} | {all.Max(s => s.Threads)} |");
        text.AppendLine(c, $"| open file descriptors | {Trend.Start.OpenFiles} | {Trend.Middle.OpenFiles} | {Trend.End.OpenFiles} | {all.Max(s => s.OpenFiles)} |");
        text.AppendLine();
        text.AppendLine(string.Create(c, $"Median RSS {ResourceTrend.Median(Trend.First.Select(s => s.RssMiB)):0} MiB in the first half, ")
            + string.Create(c, $"{ResourceTrend.Median(Trend.Second.Select(s => s.RssMiB)):0} MiB in the second ({Samples:N0} samples of /proc/PID/status and /proc/PID/fd, ")
            + "one a second; the warm-up left out).");
        return text.ToString();
    }
}

using System.Globalization;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// How long the soak runs and when its outages come. The CI form is short; <c>bench/soak.sh</c> sets
/// <c>REGISTRYGUARD_SOAK_MINUTES</c> for the full one. Outages alternate, registry first, one per period; the run
/// ends one period after the last.
/// </summary>
internal sealed record SoakSettings(TimeSpan Period, int Outages, TimeSpan OutageLength, string? ReportPath)
{
    /// <summary>~2.5 minutes: a registry outage and a gateway outage, each followed by a checkpoint.</summary>
    public static SoakSettings Short { get; } = new(TimeSpan.FromSeconds(45), 2, TimeSpan.FromSeconds(10), null);

    public TimeSpan Duration => Period * (Outages + 1);

    /// <summary>The runs a soak must reach: 1,000 for the full form, 150 for the CI form.</summary>
    public int MinimumRuns => Period >= TimeSpan.FromMinutes(1) ? 1000 : 150;

    public static SoakSettings FromEnvironment()
    {
        var minutes = Environment.GetEnvironmentVariable("REGISTRYGUARD_SOAK_MINUTES");
        var report = Environment.GetEnvironmentVariable("REGISTRYGUARD_SOAK_REPORT");
        if (string.IsNullOrEmpty(minutes))
        {
            return Short with { ReportPath = string.IsNullOrEmpty(report) ? null : report };
        }

        // One outage every 5 minutes (at least two: one of each kind), each 30 seconds long.
        var total = TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture));
        var period = TimeSpan.FromMinutes(5);
        var outages = Math.Max(2, (int)(total / period) - 1);
        return new SoakSettings(period, outages, TimeSpan.FromSeconds(30), string.IsNullOrEmpty(report) ? null : report);
    }
}

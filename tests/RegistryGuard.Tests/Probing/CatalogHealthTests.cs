using RegistryGuard.Findings;
using RegistryGuard.Probing;

namespace RegistryGuard.Tests.Probing;

public sealed class CatalogHealthTests
{
    [Theory]
    [InlineData(10, null, null)]
    [InlineData(10, 10, null)]
    [InlineData(5, null, 10)] // exactly half: still fine
    [InlineData(0, null, 0)]
    [InlineData(0, null, null)] // a first run has nothing to compare with
    public void Healthy_catalogs_give_no_finding(int count, int? minimum, int? previous) =>
        Assert.Null(CatalogHealth.Check(count, minimum, previous));

    [Theory]
    [InlineData(9, 10, null, "fewer than the expected minimum of 10")]
    [InlineData(0, null, 3, "came back empty; the last run saw 3")]
    [InlineData(4, null, 10, "shrank from 10 to 4")]
    [InlineData(0, 1, 5, "fewer than the expected minimum of 1")]
    public void Shrunk_catalogs_are_reported(int count, int? minimum, int? previous, string expected)
    {
        var finding = CatalogHealth.Check(count, minimum, previous);

        Assert.NotNull(finding);
        Assert.Equal(FindingKind.CatalogShrunk, finding.Kind);
        Assert.Contains(expected, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shrunk_catalog_keeps_the_old_baseline_so_the_alarm_repeats()
    {
        Assert.Equal(10, CatalogHealth.Baseline(2, 10, shrunk: true));
        Assert.Equal(12, CatalogHealth.Baseline(12, 10, shrunk: false));
        Assert.Equal(2, CatalogHealth.Baseline(2, null, shrunk: true));
    }
}

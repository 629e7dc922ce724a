using System.Globalization;
using RegistryGuard.Findings;

namespace RegistryGuard.Probing;

/// <summary>
/// The nginx stale-upstream trap (seed 002): a proxy in front of the registry answers for an old or empty
/// backend, so the catalog "succeeds" with far fewer repositories. Rule: fewer than the configured minimum, an
/// empty catalog after a non-empty run, or fewer than half of the last run's count is <c>catalog_shrunk</c>.
/// </summary>
internal static class CatalogHealth
{
    public static Finding? Check(int count, int? minimum, int? previous)
    {
        string? detail = null;
        if (minimum is { } min && count < min)
        {
            detail = string.Create(CultureInfo.InvariantCulture, $"the catalog lists {count} repositories, fewer than the expected minimum of {min}");
        }
        else if (previous is > 0 && count == 0)
        {
            detail = string.Create(CultureInfo.InvariantCulture, $"the catalog came back empty; the last run saw {previous} repositories");
        }
        else if (previous is { } last && (long)count * 2 < last)
        {
            detail = string.Create(CultureInfo.InvariantCulture, $"the catalog shrank from {last} to {count} repositories (below half of the last run)");
        }

        return detail is null ? null : new Finding(FindingKind.CatalogShrunk, "", null, null, null,
            detail + "; a stale proxy upstream or a lost storage mount answers like this");
    }

    /// <summary>The count to remember: a shrunk catalog keeps the old baseline so the alarm repeats until someone looks.</summary>
    public static int Baseline(int count, int? previous, bool shrunk) => shrunk && previous is { } last ? last : count;
}

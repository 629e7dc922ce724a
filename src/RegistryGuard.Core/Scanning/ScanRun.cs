namespace RegistryGuard.Scanning;

/// <summary>One scan, and the journaled repair when asked for: the service behind <c>scan</c> and serve's scan job.</summary>
public static class ScanRun
{
    /// <param name="journalPath">Where --fix records its changes; must not exist yet. Ignored in a dry run.</param>
    public static ScanReport Execute(Scanner scanner, bool fix, string journalPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ScanReport report;
        try
        {
            report = scanner.Scan(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return scanner.Interrupted();
        }

        if (!fix || report.FatalError is not null)
        {
            return report;
        }

        return report.Repairs.Count == 0
            ? report with { Summary = report.Summary with { Fix = true } }
            : scanner.Fix(report, journalPath, cancellationToken);
    }
}

namespace RegistryGuard.Common;

/// <summary>The documented exit codes, shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>Nothing found.</summary>
    public const int Clean = 0;

    /// <summary>At least one failure-severity finding.</summary>
    public const int Findings = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int Usage = 2;

    /// <summary>The registry (or its catalog, or its storage root) could not be read at all.</summary>
    public const int RegistryUnavailable = 3;

    /// <summary>The run itself succeeded but reporting its result failed (a Pushgateway push, for example).</summary>
    public const int ReportingFailed = 4;

    /// <summary>The exit code once reporting a run failed: a clean run becomes <see cref="ReportingFailed"/>, any other code stands.</summary>
    public static int AfterFailedReport(int exitCode) => exitCode == Clean ? ReportingFailed : exitCode;
}

namespace RegistryGuard.Common;

/// <summary>
/// The documented exit codes, shared by every command (the table in README.md lists each one; a test keeps the two
/// in step).
/// </summary>
public static class ExitCodes
{
    /// <summary>Nothing found.</summary>
    public const int Clean = 0;

    /// <summary>At least one failure-severity finding (or a change that failed).</summary>
    public const int Findings = 1;

    /// <summary>Usage or configuration error: a bad flag or value, a file that cannot be read, a place that cannot be written, a port in use.</summary>
    public const int Usage = 2;

    /// <summary>The registry (or its catalog, or its storage root) could not be read at all.</summary>
    public const int RegistryUnavailable = 3;

    /// <summary>The run itself succeeded but reporting its result failed (a Pushgateway push, for example).</summary>
    public const int ReportingFailed = 4;

    /// <summary>
    /// Something RegistryGuard did not expect (a bug, or an environment it does not know): one line on stderr, the
    /// details with <c>--log-level Debug</c>. The <c>sysexits.h</c> value for an internal software error.
    /// </summary>
    public const int InternalError = 70;

    /// <summary>Stopped by SIGINT (Ctrl+C) before the run finished: 128 + 2, what a shell reports for it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (systemd, Kubernetes, a Job's deadline) before the run finished: 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>The exit code once reporting a run failed: a clean run becomes <see cref="ReportingFailed"/>, any other code stands.</summary>
    public static int AfterFailedReport(int exitCode) => exitCode == Clean ? ReportingFailed : exitCode;
}

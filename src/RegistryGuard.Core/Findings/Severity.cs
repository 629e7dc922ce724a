namespace RegistryGuard.Findings;

public enum Severity
{
    /// <summary>Something a client pulls is broken, or a run could not check it. Drives exit code 1 and the alert.</summary>
    Failure,

    /// <summary>Worth a look, never breaks a pull (stale tag history, for example).</summary>
    Warning,

    /// <summary>Normal in context (a pull-through cache's partial index), reported for completeness.</summary>
    Info,
}

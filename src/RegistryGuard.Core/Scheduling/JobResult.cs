using RegistryGuard.Metrics;

namespace RegistryGuard.Scheduling;

/// <param name="ExitCode">The same code the equivalent CLI command would exit with (ExitCodes).</param>
/// <param name="Summary">One line for /status and the log.</param>
/// <param name="Metrics">The run's metric families, as the command would push them; null when it has none.</param>
public sealed record JobResult(int ExitCode, string Summary, RunMetrics? Metrics = null);

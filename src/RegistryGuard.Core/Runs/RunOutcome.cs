using RegistryGuard.Common;
using RegistryGuard.Metrics;

namespace RegistryGuard.Runs;

/// <summary>What one run of a verb produced, for the command line and for serve alike.</summary>
/// <param name="Report">The verb's report; null when the run could not read its target at all (see <see cref="Error"/>).</param>
/// <param name="ExitCode">The documented exit code (<see cref="ExitCodes"/>), after the push.</param>
/// <param name="Summary">One line for serve's log and /status.</param>
/// <param name="Metrics">The run's metric families, as pushed.</param>
public sealed record RunOutcome<TReport>(TReport? Report, int ExitCode, string Summary, RunMetrics Metrics)
    where TReport : class
{
    /// <summary>Problems that did not stop the run (e.g. a deep cursor that could not be saved).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why the registry or storage could not be read at all, or null.</summary>
    public string? Error { get; init; }

    /// <summary>What a command run after the work printed (prune's <c>--gc-command</c>), or null.</summary>
    public ProcessResult? Command { get; init; }

    /// <summary>Why the metrics push failed, or null (no push, or it worked).</summary>
    public string? PushError { get; init; }

    /// <summary>Stopped by a signal (or serve's shutdown) before it finished: the report is partial, the push says so.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Lines worth telling the operator once that are neither warnings nor errors (e.g. a plain-HTTP fallback).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

}

using RegistryGuard.Pruning.Execution;
using RegistryGuard.Pruning.Planning;

namespace RegistryGuard.Pruning;

/// <param name="Executor"><c>api</c> or <c>filesystem</c>.</param>
/// <param name="Execution">Null for a dry run.</param>
public sealed record PruneReport(string Target, string Executor, PrunePlan Plan, PruneExecution? Execution, IReadOnlyList<string> Warnings, IReadOnlyList<string> NextSteps)
{
    /// <summary>The apply was stopped by a signal: what it deleted is listed (and restorable), the rest of the plan was not applied.</summary>
    public bool Interrupted => Execution?.Interrupted == true;
}

using System.Text.Json;
using RegistryGuard.Pruning.Execution;

namespace RegistryGuard.Reporting;

/// <summary>What a restore put back from a prune's bundle, and what it could not.</summary>
public static class RestoreReportWriter
{
    /// <param name="bundle">The restore bundle as the operator named it.</param>
    /// <param name="exitCode">The exit code the run ends with.</param>
    public static void Write(string bundle, RestoreResult result, int exitCode, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportOutput.Write(format, output, text => WriteText(result, text), json => WriteJson(bundle, result, exitCode, json));
    }

    private static void WriteText(RestoreResult result, TextWriter output)
    {
        output.WriteLine($"restored {result.Manifests} manifests and {result.Tags} tags");
        foreach (var problem in result.Problems)
        {
            output.WriteLine("problem: " + problem);
        }
    }

    private static void WriteJson(string bundle, RestoreResult result, int exitCode, Utf8JsonWriter w) =>
        ReportOutput.WriteCountsDocument(w, "restore", ("backup", bundle),
            [("manifests", result.Manifests), ("tags", result.Tags), ("problems", result.Problems.Count)], exitCode,
            ("problems", result.Problems));
}

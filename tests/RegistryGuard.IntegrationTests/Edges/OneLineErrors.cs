using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Edges;

/// <summary>What every user-facing error must look like: one line on stderr, starting "error: ", no stack trace.</summary>
internal static class OneLineErrors
{
    public static string Single(ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{result.StandardError}");
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StandardError, StringComparison.Ordinal);
        return lines[0];
    }
}

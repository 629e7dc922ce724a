using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Corpus.Clients;

/// <summary>A real client program run to completion; a failure stops the corpus build with the client's own words.</summary>
internal static class ClientTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(RequiredTool.Path(tool), arguments, Timeout, CancellationToken.None);
        return result.ExitCode == 0
            ? result.StandardOutput.Trim()
            : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Combined}");
    }
}

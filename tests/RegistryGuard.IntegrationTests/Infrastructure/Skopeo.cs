using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>skopeo as the real client: pushes OCI layouts and pulls like a client would.</summary>
internal static class Skopeo
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Pulls every platform of <paramref name="reference"/> into a temporary dir: fails exactly when a client's pull fails.</summary>
    public static Task<ProcessResult> PullAllAsync(string hostPort, string reference, string? credentials = null) =>
        PullAsync(hostPort, reference, credentials, ["--all"]);

    /// <summary>Pulls one platform of <paramref name="reference"/>, as a client on that platform does (a pull-through cache then holds that platform only).</summary>
    public static Task<ProcessResult> PullPlatformAsync(string hostPort, string reference, string architecture) =>
        PullAsync(hostPort, reference, null, ["--override-os", "linux", "--override-arch", architecture]);

    private static async Task<ProcessResult> PullAsync(string hostPort, string reference, string? credentials, string[] selection)
    {
        var output = Directory.CreateTempSubdirectory("skopeo-pull-").FullName;
        try
        {
            var arguments = new List<string> { "copy", "--src-tls-verify=false" };
            arguments.AddRange(selection);
            if (credentials is not null)
            {
                arguments.AddRange(["--src-creds", credentials]);
            }

            arguments.AddRange([$"docker://{hostPort}/{reference}", $"dir:{output}"]);
            return await ProcessRunner.RunAsync(RequiredTool.Path("skopeo"), arguments, Timeout, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    public static Task<ProcessResult> PushLayoutAsync(string layoutDirectory, string tag, string hostPort, string repository) =>
        ProcessRunner.RunAsync(
            RequiredTool.Path("skopeo"),
            ["copy", "--all", "--preserve-digests", "--dest-tls-verify=false", $"oci:{layoutDirectory}:{tag}", $"docker://{hostPort}/{repository}:{tag}"],
            Timeout,
            CancellationToken.None);
}

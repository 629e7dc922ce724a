using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>A bcrypt htpasswd file made by the real <c>htpasswd</c>, for a Basic-auth registry.</summary>
internal static class Htpasswd
{
    public static async Task<string> CreateAsync(string user, string password)
    {
        var result = await ProcessRunner.RunAsync(RequiredTool.Path("htpasswd"), ["-Bbn", user, password], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(Directory.CreateTempSubdirectory("htpasswd-").FullName, "htpasswd");
        await File.WriteAllTextAsync(path, result.StandardOutput);
        return path;
    }
}

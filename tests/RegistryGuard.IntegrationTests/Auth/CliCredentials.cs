using System.Text;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Auth;

/// <summary>One way of handing the CLI its credentials: the arguments, what goes on stdin, extra environment.</summary>
internal sealed record CliCredentials(string Kind, IReadOnlyList<string> Arguments, string? StandardInput, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// Every way the CLI accepts: --password-stdin, REGISTRYGUARD_USERNAME/PASSWORD, --password-file and a docker
    /// config.json (files written to <paramref name="directory"/>). All are registered with the sweep.
    /// </summary>
    public static IReadOnlyList<CliCredentials> EveryKind(string directory, string hostPort, string user, string password)
    {
        SecretSweep.AddCredentials(user, password);
        var passwordFile = Path.Combine(directory, "registry-password");
        File.WriteAllText(passwordFile, password + "\n");
        var dockerConfig = Path.Combine(directory, "docker-config.json");
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        File.WriteAllText(dockerConfig, "{\"auths\":{\"" + hostPort + "\":{\"auth\":\"" + auth + "\"}}}");
        var none = new Dictionary<string, string>();
        return
        [
            new("password-stdin", ["--username", user, "--password-stdin"], password + "\n", none),
            new("environment", [], null, new Dictionary<string, string> { ["REGISTRYGUARD_USERNAME"] = user, ["REGISTRYGUARD_PASSWORD"] = password }),
            new("password-file", ["--username", user, "--password-file", passwordFile], null, none),
            new("docker-config", ["--docker-config", dockerConfig], null, none),
        ];
    }
}

using System.CommandLine;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Registry.Auth;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Options;

/// <summary>How to reach and authenticate to a registry: shared by every command that speaks HTTP.</summary>
internal sealed class ConnectionFlags
{
    public Option<string?> Username { get; } = new("--username", "-u") { Description = "Registry user (or REGISTRYGUARD_USERNAME)." };

    public Option<bool> PasswordStdin { get; } = new("--password-stdin") { Description = "Read the password from standard input." };

    public Option<FileInfo?> PasswordFile { get; } = new("--password-file") { Description = "Read the password from this file (e.g. a mounted Secret)." };

    public Option<FileInfo?> DockerConfig { get; } = new("--docker-config") { Description = "docker config.json to take credentials from (default ~/.docker/config.json)." };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file") { Description = "PEM CA certificate(s) that sign the registry's certificate." };

    public Option<int> Concurrency { get; } = new("--concurrency", "-c") { Description = "Requests in flight at once.", DefaultValueFactory = _ => RegistryConnection.DefaultConcurrency };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds per request attempt.", DefaultValueFactory = _ => RegistryConnection.DefaultTimeoutSeconds };

    public Option<int> Retries { get; } = new("--retries") { Description = "Retries of a transient failure (5xx, 429, timeout, reset).", DefaultValueFactory = _ => RegistryConnection.DefaultRetries };

    public void AddTo(Command command)
    {
        command.Add(Username);
        command.Add(PasswordStdin);
        command.Add(PasswordFile);
        command.Add(DockerConfig);
        command.Add(CaFile);
        command.Add(Concurrency);
        command.Add(Timeout);
        command.Add(Retries);
    }

    /// <param name="tryPlainHttp">The registry was given without a scheme: a loopback one that does not speak TLS is used over plain HTTP.</param>
    public RegistryConnection Map(ParseResult parse, Uri registry, bool tryPlainHttp = false)
    {
        var concurrency = parse.GetValue(Concurrency);
        if (concurrency is < 1 or > 1024)
        {
            throw new UsageException("--concurrency must be between 1 and 1024");
        }

        var timeout = parse.GetValue(Timeout);
        if (timeout <= 0 || parse.GetValue(Retries) < 0)
        {
            throw new UsageException("--timeout must be positive and --retries not negative");
        }

        var caFile = parse.GetValue(CaFile);
        if (caFile is not null && !caFile.Exists)
        {
            throw new UsageException($"--ca-file {caFile.FullName} does not exist");
        }

        return new RegistryConnection(registry)
        {
            Concurrency = concurrency,
            Timeout = TimeSpan.FromSeconds(timeout),
            Retries = parse.GetValue(Retries),
            Credentials = new CredentialSource { Given = ResolveCredentials(parse, registry) },
            CaFile = caFile?.FullName,
            TryPlainHttp = tryPlainHttp,
            Logger = CliLogging.CreateLogger(parse, "RegistryGuard.Registry"),
        };
    }

    private RegistryCredentials? ResolveCredentials(ParseResult parse, Uri registry)
    {
        var username = parse.GetValue(Username) ?? Environment.GetEnvironmentVariable("REGISTRYGUARD_USERNAME");
        var password = ReadPassword(parse);
        if (username is null)
        {
            if (password is not null)
            {
                throw new UsageException("a password was given without --username");
            }

            var given = parse.GetValue(DockerConfig);
            if (given is { Exists: false })
            {
                throw new UsageException($"--docker-config {given.FullName} does not exist; give the path of a docker config.json, or leave the flag out (default {DockerConfigCredentials.DefaultPath}, used only when present)");
            }

            var configPath = given?.FullName ?? DockerConfigCredentials.DefaultPath;
            try
            {
                return DockerConfigCredentials.Find(configPath, registry);
            }
            catch (InvalidDataException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
        }

        return password is null
            ? throw new UsageException("--username needs a password: --password-stdin, --password-file or REGISTRYGUARD_PASSWORD")
            : new RegistryCredentials(username, password);
    }

    private string? ReadPassword(ParseResult parse)
    {
        if (parse.GetValue(PasswordStdin))
        {
            return Console.In.ReadToEnd().TrimEnd('\r', '\n');
        }

        if (parse.GetValue(PasswordFile) is { } file)
        {
            try
            {
                return File.ReadAllText(file.FullName).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--password-file {file.FullName}: {ex.Message}", ex);
            }
        }

        return Environment.GetEnvironmentVariable("REGISTRYGUARD_PASSWORD");
    }
}

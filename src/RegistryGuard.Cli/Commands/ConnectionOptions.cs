using System.CommandLine;
using RegistryGuard.Registry;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Cli.Commands;

/// <summary>How to reach and authenticate to a registry: shared by every command that speaks HTTP.</summary>
internal sealed class ConnectionOptions
{
    public Option<string?> Username { get; } = new("--username", "-u") { Description = "Registry user (or REGISTRYGUARD_USERNAME)." };

    public Option<bool> PasswordStdin { get; } = new("--password-stdin") { Description = "Read the password from standard input." };

    public Option<FileInfo?> PasswordFile { get; } = new("--password-file") { Description = "Read the password from this file (e.g. a mounted Secret)." };

    public Option<FileInfo?> DockerConfig { get; } = new("--docker-config") { Description = "docker config.json to take credentials from (default ~/.docker/config.json)." };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file") { Description = "PEM CA certificate(s) that sign the registry's certificate." };

    public Option<int> Concurrency { get; } = new("--concurrency", "-c") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 16 };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds per request attempt.", DefaultValueFactory = _ => 30 };

    public Option<int> Retries { get; } = new("--retries") { Description = "Retries of a transient failure (5xx, 429, timeout, reset).", DefaultValueFactory = _ => 3 };

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

    public RegistryClientOptions Build(ParseResult parse, Uri registry)
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

        return new RegistryClientOptions(registry)
        {
            Concurrency = concurrency,
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            MaxRetries = parse.GetValue(Retries),
            Credentials = ResolveCredentials(parse, registry),
            CaFile = caFile?.FullName,
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

            var configPath = parse.GetValue(DockerConfig)?.FullName ?? DockerConfigCredentials.DefaultPath;
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

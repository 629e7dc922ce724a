using System.Diagnostics;
using System.Net;
using RegistryGuard.Common;
using RegistryGuard.Storage;

namespace RegistryGuard.Demo;

/// <summary>
/// A throwaway CNCF Distribution (Debian's docker-registry) on a free loopback port with a temporary storage
/// root: the embedded default for the demo, and the real registry every integration test runs against.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private readonly string _binary;
    private Process? _process;

    private readonly TokenAuthConfig? _tokenAuth;

    private readonly Uri? _proxyRemote;

    /// <summary>Sent back in a header on every answer, so the readiness check knows it reached this process and not
    /// another server on the same port.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    private const string InstanceHeader = "X-RegistryGuard-Instance";

    private const int StartAttempts = 5;

    private LocalRegistry(string binary, string rootDirectory, int port, string? htpasswdFile, TokenAuthConfig? tokenAuth = null, Uri? proxyRemote = null)
    {
        _tokenAuth = tokenAuth;
        _proxyRemote = proxyRemote;
        _binary = binary;
        RootDirectory = rootDirectory;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Port = port;
        HtpasswdFile = htpasswdFile;
        ConfigPath = Path.Combine(rootDirectory, "config.yml");
        LogPath = Path.Combine(rootDirectory, "registry.log");
    }

    public string RootDirectory { get; }

    /// <summary>The storage rootdirectory (what <c>scan --root</c> takes).</summary>
    public string StorageRoot => Path.Combine(RootDirectory, "storage");

    /// <summary>Where distribution keeps everything: <c>storage/docker/registry/v2</c>.</summary>
    public string V2Root => StoragePaths.V2Root(StorageRoot);

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public string HostPort => $"127.0.0.1:{Port}";

    public string ConfigPath { get; }

    public string LogPath { get; }

    public string? HtpasswdFile { get; }

    /// <param name="htpasswdFile">An htpasswd file (bcrypt) to require Basic auth, or null for anonymous access.</param>
    public static Task<LocalRegistry> StartAsync(string? htpasswdFile = null, CancellationToken cancellationToken = default) =>
        StartAsync(htpasswdFile, null, cancellationToken);

    /// <summary>A registry that requires Bearer tokens from the token service described by <paramref name="tokenAuth"/>.</summary>
    public static Task<LocalRegistry> StartWithTokenAuthAsync(TokenAuthConfig tokenAuth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenAuth);
        return StartAsync(null, tokenAuth, cancellationToken);
    }

    /// <summary>
    /// A pull-through cache (distribution's proxy mode) in front of <paramref name="upstream"/>, like the VM's Docker Hub
    /// and GHCR caches. distribution refuses to start one whose upstream does not answer.
    /// </summary>
    public static Task<LocalRegistry> StartPullThroughAsync(Uri upstream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return StartAsync(null, null, cancellationToken, upstream);
    }

    private static async Task<LocalRegistry> StartAsync(string? htpasswdFile, TokenAuthConfig? tokenAuth, CancellationToken cancellationToken, Uri? proxyRemote = null)
    {
        var binary = ExternalTool.Find("docker-registry");
        var root = Directory.CreateTempSubdirectory("registryguard-registry-").FullName;
        var registry = new LocalRegistry(binary, root, LoopbackPorts.Next(), htpasswdFile, tokenAuth, proxyRemote);
        try
        {
            Directory.CreateDirectory(registry.StorageRoot);
            for (var attempt = 1; ; attempt++)
            {
                await File.WriteAllTextAsync(registry.ConfigPath, registry.Config(), cancellationToken).ConfigureAwait(false);
                try
                {
                    await registry.StartProcessAsync(cancellationToken).ConfigureAwait(false);
                    return registry;
                }
                catch (PortTakenException) when (attempt < StartAttempts)
                {
                    registry.Stop();
                    registry.Port = LoopbackPorts.Next();
                }
            }
        }
        catch
        {
            await registry.DisposeAsync().ConfigureAwait(false); // a start that fails or is cancelled leaves nothing running or behind
            throw;
        }
    }

    /// <summary>Stops and starts the same registry on the same port and storage (clears any in-memory state).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        Stop();
        await StartProcessAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the registry's own garbage collector against this storage (the registry should be stopped or idle).</summary>
    public Task<ProcessResult> GarbageCollectAsync(bool deleteUntagged = false, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var arguments = new List<string> { "garbage-collect" };
        if (dryRun)
        {
            arguments.Add("--dry-run");
        }

        if (deleteUntagged)
        {
            arguments.Add("--delete-untagged");
        }

        arguments.Add(ConfigPath);
        return ProcessRunner.RunAsync(_binary, arguments, TimeSpan.FromMinutes(5), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await Task.Yield();
        StopAndRemove();
    }

    /// <summary>The process ends without disposing (Environment.Exit after a second signal): stop the registry and remove its files anyway.</summary>
    private void OnProcessExit(object? sender, EventArgs e) => StopAndRemove();

    private void StopAndRemove()
    {
        Stop();
        try
        {
            if (Directory.Exists(RootDirectory))
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A test may have made part of the tree unreadable on purpose; the temp cleaner will get it.
        }
    }

    /// <summary>Starts the registry process again after <see cref="Stop"/>: same port, same storage.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken = default) => StartProcessAsync(cancellationToken);

    /// <summary>Kills the registry process and leaves its storage in place (an outage; <see cref="ResumeAsync"/> ends it).</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(ConfigPath);
        var logStart = File.Exists(LogPath) ? new FileInfo(LogPath).Length : 0;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start docker-registry");
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // the last lines of its output reach the log
                throw LogSince(logStart).Contains("address already in use", StringComparison.Ordinal)
                    ? new PortTakenException($"docker-registry could not listen on {HostPort}: the port was taken")
                    : new InvalidOperationException($"docker-registry exited with {process.ExitCode}; see {LogPath}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "v2/"), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    if (!response.Headers.TryGetValues(InstanceHeader, out var instance) || !instance.Contains(_instance, StringComparer.Ordinal))
                    {
                        throw new PortTakenException($"another server answers on {HostPort}");
                    }

                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // slow start
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"docker-registry did not answer on {Url} within 20s; see {LogPath}");
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // the process is exiting
            }
        }
    }

    private string Config()
    {
        var auth = _tokenAuth is { } token ? $"""
            auth:
              token:
                realm: {token.Realm.AbsoluteUri}
                service: {token.Service}
                issuer: {token.Issuer}
                rootcertbundle: {token.RootCertBundle}

            """
            : HtpasswdFile is null ? "" : $"""
            auth:
              htpasswd:
                realm: registryguard-test
                path: {HtpasswdFile}

            """;
        var proxy = _proxyRemote is { } remote ? $"""
            proxy:
              remoteurl: {remote.GetLeftPart(UriPartial.Authority)}

            """ : "";
        return $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {StorageRoot}
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            {auth}{proxy}http:
              addr: 127.0.0.1:{Port}
              headers:
                {InstanceHeader}: [{_instance}]
            """;
    }

    private string LogSince(long offset)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>
/// The real prometheus-pushgateway on a free loopback port, killed on dispose. Without a persistence file by default
/// (groups in memory only); with one it can be stopped (SIGTERM: it saves its groups) and resumed on the same port,
/// as a gateway that goes down for a while and comes back.
/// </summary>
internal sealed class Pushgateway : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int _port;
    private readonly string _persistenceFile;
    private Process? _process;

    private Pushgateway(int port, string persistenceFile)
    {
        _port = port;
        _persistenceFile = persistenceFile;
        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    /// <param name="persistenceFile">Where the gateway keeps its groups across a restart; empty: in memory only.</param>
    public static async Task<Pushgateway> StartAsync(string persistenceFile = "")
    {
        var gateway = new Pushgateway(FreePort.Next(), persistenceFile);
        await gateway.StartProcessAsync();
        return gateway;
    }

    public async Task<string> ScrapeAsync() => await _http.GetStringAsync(new Uri(Url, "metrics"));

    public async Task<IReadOnlyList<ScrapedSample>> SamplesAsync() => ScrapedSample.Parse(await ScrapeAsync());

    /// <summary>Stops the gateway with SIGTERM (it writes its persistence file on the way out) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // hang protection only
            await process.WaitForExitAsync(guard.Token);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the gateway again on the same port (and persistence file) after <see cref="StopAsync"/>.</summary>
    public Task ResumeAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _http.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var info = new ProcessStartInfo(RequiredTool.Path("prometheus-pushgateway"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{_port}");

        // Debian's default is a shared /var/lib file: every test gets its own file, or none (groups in memory only).
        info.ArgumentList.Add($"--persistence.file={_persistenceFile}");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitReadyAsync(process);
    }

    private async Task WaitReadyAsync(Process process)
    {
        // Readiness is polled with a generous bound; no test asserts on timing.
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus-pushgateway exited with {process.ExitCode}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(Url, "-/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("prometheus-pushgateway did not become ready");
    }
}

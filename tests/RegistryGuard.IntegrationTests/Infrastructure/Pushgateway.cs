using System.Diagnostics;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>The real prometheus-pushgateway on a free loopback port, without persistence, killed on dispose.</summary>
internal sealed class Pushgateway : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private Pushgateway(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    public static async Task<Pushgateway> StartAsync()
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo(RequiredTool.Path("prometheus-pushgateway"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        info.ArgumentList.Add("--persistence.file="); // Debian's default is a shared /var/lib file: keep every test's groups in memory only
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new Pushgateway(process, port);
        await gateway.WaitReadyAsync();
        return gateway;
    }

    public async Task<string> ScrapeAsync() => await _http.GetStringAsync(new Uri(Url, "metrics"));

    public async Task<IReadOnlyList<ScrapedSample>> SamplesAsync() => ScrapedSample.Parse(await ScrapeAsync());

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        // Readiness is polled with a generous bound; no test asserts on timing.
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus-pushgateway exited with {_process.ExitCode}");
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

using System.Globalization;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// Reads <c>/proc/PID/status</c> (VmRSS, Threads) and counts <c>/proc/PID/fd</c> at a fixed interval until stopped.
/// Samples are only compared with each other at the end, with generous bounds: nothing here is a timing assertion.
/// </summary>
internal sealed class ResourceSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly TimeSpan _interval;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<ResourceSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResourceSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _interval = interval;
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<ResourceSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Reads the process now, or null once it has gone.</summary>
    public static ResourceSample? Read(int pid, TimeSpan at)
    {
        try
        {
            long rss = -1;
            var threads = -1;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
                }
            }

            var files = Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
            return rss < 0 || threads < 0 ? null : new ResourceSample(at, rss, threads, files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the process exited between two reads
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (Read(_pid, _clock.Elapsed) is { } sample)
            {
                lock (_samples)
                {
                    _samples.Add(sample);
                }
            }

            try
            {
                await Task.Delay(_interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using System.Diagnostics;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Crash;

/// <summary>
/// Where to SIGKILL the real CLI: one unkilled run is measured (when its journal appears, when the journal's
/// end record appears), and the kill delays are drawn from a fixed seed over that span, so they land inside the
/// journaled work. The durations only choose the points; nothing asserts on them.
/// </summary>
internal sealed record KillSchedule(TimeSpan WorkStarts, TimeSpan WorkEnds, TimeSpan Ends, int ExitCode)
{
    public static async Task<KillSchedule> MeasureAsync(string journal, string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        await using var cli = CliProcess.Start(arguments);
        TimeSpan? workStarts = null;
        TimeSpan? workEnds = null;
        while (!cli.HasExited)
        {
            if (workStarts is null && File.Exists(journal))
            {
                workStarts = clock.Elapsed;
            }

            if (workStarts is not null && workEnds is null && Finished(journal))
            {
                workEnds = clock.Elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }

        var exit = await cli.WaitForExitAsync();
        var ends = clock.Elapsed;
        return new KillSchedule(workStarts ?? ends, workEnds ?? ends, ends, exit);
    }

    public IReadOnlyList<TimeSpan> Points(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => WorkStarts + ((WorkEnds - WorkStarts) * random.NextDouble()))];
    }

    private static bool Finished(string journal)
    {
        using var reader = new StreamReader(new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd().Contains("\"type\":\"end\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts the CLI and SIGKILLs it halfway through its journaled work, counted from the moment its journal appears
    /// (not from its start: on a loaded machine start-up alone can outlast the measured span, and a kill before the
    /// journal exists interrupts nothing). True when it was still running.
    /// </summary>
    public async Task<bool> RunAndKillMidWorkAsync(string journal, string[] arguments)
    {
        await using var cli = CliProcess.Start(arguments);
        while (!cli.HasExited && !File.Exists(journal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }

        await Task.Delay((WorkEnds - WorkStarts) / 2);
        var running = !cli.HasExited;
        await cli.KillAsync();
        return running;
    }

    /// <summary>Starts the CLI and SIGKILLs it after <paramref name="delay"/>; true when it was still running.</summary>
    public static async Task<bool> RunAndKillAsync(TimeSpan delay, string[] arguments)
    {
        await using var cli = CliProcess.Start(arguments);
        await Task.Delay(delay);
        var running = !cli.HasExited;
        await cli.KillAsync();
        return running;
    }
}

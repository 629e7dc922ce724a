using System.Globalization;
using System.Text.RegularExpressions;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// serve's log read back: <c>serve: JOB started …</c> / <c>serve: JOB finished: exit N (result) summary</c>. The
/// scheduler writes one line at a time, a mutating job's "started" after it holds the gate and its "finished" before
/// it lets go, so the order of the lines is the order of the runs: two runs overlap when one starts between the
/// other's two lines. Line numbers double as marks of when the test did something (an outage began or ended).
/// </summary>
internal sealed partial class ServeLog
{
    private ServeLog(IReadOnlyList<ServeRun> runs, IReadOnlyList<(ServeRun Running, ServeRun Started)> overlaps, IReadOnlyList<string> unfinished)
    {
        Runs = runs;
        Overlaps = overlaps;
        Unfinished = unfinished;
    }

    /// <summary>Finished runs in the order they started.</summary>
    public IReadOnlyList<ServeRun> Runs { get; }

    /// <summary>Pairs of runs that were in progress at the same time (the second started while the first ran).</summary>
    public IReadOnlyList<(ServeRun Running, ServeRun Started)> Overlaps { get; }

    /// <summary>Jobs whose last "started" has no "finished" (still running when the log was read).</summary>
    public IReadOnlyList<string> Unfinished { get; }

    /// <summary>The complete lines of <paramref name="output"/> (a line still being written is left for the next read).</summary>
    public static IReadOnlyList<string> Lines(string output) => output.Split('\n').SkipLast(1).Select(l => l.TrimEnd('\r')).ToList();

    public static ServeLog Parse(IReadOnlyList<string> lines)
    {
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var runs = new List<ServeRun>();
        var startedWhileRunning = new List<(string Running, string Started, int Line)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (Started().Match(lines[i]) is { Success: true } started)
            {
                var job = started.Groups["job"].Value;
                if (open.ContainsKey(job))
                {
                    throw new InvalidOperationException($"line {i}: {job} started again before it finished");
                }

                startedWhileRunning.AddRange(open.Keys.Select(running => (running, job, i)));
                open[job] = i;
            }
            else if (Finished().Match(lines[i]) is { Success: true } finished)
            {
                var job = finished.Groups["job"].Value;
                if (!open.Remove(job, out var startLine))
                {
                    throw new InvalidOperationException($"line {i}: {job} finished without having started");
                }

                runs.Add(new ServeRun(job, startLine, i, int.Parse(finished.Groups["exit"].Value, CultureInfo.InvariantCulture),
                    finished.Groups["result"].Value, finished.Groups["summary"].Value));
            }
        }

        runs.Sort((a, b) => a.StartLine.CompareTo(b.StartLine));
        var byStart = runs.ToDictionary(r => (r.Job, r.StartLine));
        var overlaps = startedWhileRunning
            .Select(o => (Running: runs.LastOrDefault(r => r.Job == o.Running && r.StartLine < o.Line), Started: byStart.GetValueOrDefault((o.Started, o.Line))))
            .Where(o => o.Running is not null && o.Started is not null)
            .Select(o => (o.Running!, o.Started!))
            .ToList();
        return new ServeLog(runs, overlaps, [.. open.Keys]);
    }

    /// <summary>Overlaps in which at least one of the two runs belongs to a job in <paramref name="mutating"/>.</summary>
    public IReadOnlyList<(ServeRun Running, ServeRun Started)> OverlapsWithMutating(IReadOnlySet<string> mutating) =>
        [.. Overlaps.Where(o => mutating.Contains(o.Running.Job) || mutating.Contains(o.Started.Job))];

    [GeneratedRegex(@"^serve: (?<job>\S+) started \(")]
    private static partial Regex Started();

    [GeneratedRegex(@"^serve: (?<job>\S+) finished: exit (?<exit>-?\d+) \((?<result>[a-z_]+)\) ?(?<summary>.*)$")]
    private static partial Regex Finished();
}

using System.Globalization;
using System.Text.RegularExpressions;
using RegistryGuard.Testing;
using static RegistryGuard.IntegrationTests.Deploy.YamlFiles;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>
/// Schedules are repeated in the docs, the staleness alert and the example config: each statement is read from the
/// file it describes (the CronJob, the timer, serve.example.yml), so changing one without the others fails.
/// </summary>
public sealed partial class DocumentedScheduleTests
{
    private static readonly object? CronJob = LoadSingle(RepositoryFiles.Path("k8s", "cronjob.yaml"));

    private static string Read(params string[] parts) => WhiteSpace().Replace(File.ReadAllText(RepositoryFiles.Path(parts)), " ");

    [Fact]
    public void Deploy_md_states_the_cronjob_s_schedule_and_deadlines()
    {
        var deploy = Read("docs", "deploy.md");
        var job = At(CronJob, "spec", "jobTemplate", "spec");

        Assert.Contains($"| `cronjob.yaml` | `{Text(CronJob, "spec", "schedule")}`, `concurrencyPolicy: {Text(CronJob, "spec", "concurrencyPolicy")}`", deploy, StringComparison.Ordinal);
        Assert.Contains($"{Int(CronJob, "spec", "startingDeadlineSeconds") / 60} min starting deadline", deploy, StringComparison.Ordinal);
        Assert.Contains($"`activeDeadlineSeconds: {Int(job, "activeDeadlineSeconds")}`", deploy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_probe_s_staleness_is_twice_its_interval_in_the_rule_its_text_and_the_runbook()
    {
        var interval = DeployFileTests.IntervalOf(Text(CronJob, "spec", "schedule"));
        var stale = interval * 2;
        var rules = Read("deploy", "alerts", "registryguard.rules.yml");

        Assert.Equal(2, Regex.Count(rules, Regex.Escape($"> {stale.TotalSeconds.ToString(CultureInfo.InvariantCulture)})")));
        Assert.Contains($"absent_over_time(push_time_seconds{{job=\"registry-integrity-probe\"}}[{stale.TotalMinutes}m])", rules, StringComparison.Ordinal);
        Assert.Contains($"The probe runs every {interval.TotalMinutes} minutes: stale = no push for # {stale.TotalMinutes} minutes", rules, StringComparison.Ordinal);
        Assert.Contains($"has not completed a run in {stale.TotalMinutes} minutes", rules, StringComparison.Ordinal);
        Assert.Contains($"twice its {interval.TotalMinutes}-minute interval", rules, StringComparison.Ordinal);
        Assert.Contains($"for {stale.TotalMinutes} minutes — twice the {interval.TotalMinutes}-minute interval", Read("docs", "runbook.md"), StringComparison.Ordinal);
        Assert.Contains($"the probe's staleness alert allows {stale.TotalMinutes} minutes", Read("docs", "serve.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_md_states_the_scan_timer_s_time()
    {
        var timer = File.ReadAllText(RepositoryFiles.Path("deploy", "systemd", "registryguard-scan.timer"));
        var calendar = OnCalendar().Match(timer);
        Assert.True(calendar.Success, "OnCalendar=*-*-* HH:MM:00 UTC expected");

        Assert.Contains($"nightly at {calendar.Groups[1].Value} UTC", Read("docs", "deploy.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_md_s_nightly_window_is_serve_example_s()
    {
        var jobs = List(At(LoadSingle(RepositoryFiles.Path("deploy", "serve.example.yml")), "jobs"))
            .Where(job => Text(job, "registry") == "main")
            .ToDictionary(job => Text(job, "name"), job => Text(job, "schedule"), StringComparer.Ordinal);
        var serve = Read("docs", "serve.md");

        Assert.Contains(
            $"A nightly window in the safe order: prune at {Daily(jobs["prune"])} (`apply: true`), plain gc at {Daily(jobs["gc"])}, scan at {Daily(jobs["scan"])} (`fix: true`",
            serve,
            StringComparison.Ordinal);
        Assert.Contains($"a deep probe at {Daily(jobs["nightly-probe"])}, probe every {DeployFileTests.IntervalOf(jobs["probe"]).TotalMinutes} minutes.", serve, StringComparison.Ordinal);
        Assert.Equal(DeployFileTests.IntervalOf(Text(CronJob, "spec", "schedule")), DeployFileTests.IntervalOf(jobs["probe"]));
    }

    /// <summary>"30 2 * * *" as 02:30.</summary>
    private static string Daily(string schedule)
    {
        var fields = schedule.Split(' ');
        Assert.Equal(["*", "*", "*"], fields[2..]);
        return $"{int.Parse(fields[1], CultureInfo.InvariantCulture):D2}:{int.Parse(fields[0], CultureInfo.InvariantCulture):D2}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"(?m)^OnCalendar=\*-\*-\* (\d\d:\d\d):00 UTC$")]
    private static partial Regex OnCalendar();
}

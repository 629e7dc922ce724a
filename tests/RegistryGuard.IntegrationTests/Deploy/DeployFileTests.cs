using RegistryGuard.Cli;
using RegistryGuard.Testing;
using static RegistryGuard.IntegrationTests.Deploy.YamlFiles;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The deployment files parse, carry the settings that matter, and invoke the CLI with verbs and flags it accepts.</summary>
public sealed class DeployFileTests
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMinutes(15);

    [Fact]
    public void Every_yaml_file_in_k8s_and_deploy_parses()
    {
        var files = UnderDeployAndK8s();

        Assert.True(files.Count >= 12, $"only {files.Count} YAML files found");
        Assert.All(files, file => Assert.All(LoadAll(file), document => Assert.NotNull(document)));
    }

    [Fact]
    public void Every_registryguard_command_line_in_the_deployment_files_parses_with_the_real_cli()
    {
        var commandLines = DeployedCommandLines.All();
        Assert.True(commandLines.Count >= 9, "command lines found: " + string.Join('\n', commandLines));

        var failures = commandLines
            .Select(line => (line, errors: CliApp.BuildRoot().Parse(line.Arguments.ToArray()).Errors))
            .Where(x => x.errors.Count > 0)
            .Select(x => $"{x.line}\n    -> {string.Join("; ", x.errors.Select(e => e.Message))}")
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} of {commandLines.Count} command lines are rejected by the CLI:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void Every_kind_of_deployment_invokes_the_cli()
    {
        var lines = DeployedCommandLines.All();
        bool Runs(string sourcePrefix, string verb) =>
            lines.Any(l => l.Source.StartsWith(sourcePrefix, StringComparison.Ordinal) && l.Arguments[0] == verb);

        Assert.True(Runs("k8s/cronjob.yaml", "probe"));
        Assert.True(Runs("k8s/components/sharded/", "probe"));
        Assert.True(Runs("k8s/components/docker-config/", "probe"));
        Assert.True(Runs("deploy/systemd/registryguard-scan.service", "scan"));
        Assert.True(Runs("deploy/systemd/registryguard-serve.service", "serve"));
        Assert.True(Runs("deploy/systemd/registryguard-probe.service", "probe"));
        Assert.True(Runs("deploy/compose/", "scan"));
        Assert.True(Runs("deploy/compose/", "probe"));
        Assert.True(Runs("deploy/woodpecker/", "verify"));
    }

    [Fact]
    public void CronJob_runs_every_15_minutes_one_at_a_time_and_is_killed_before_the_next_tick()
    {
        var cronJob = LoadSingle(RepositoryFiles.Path("k8s", "cronjob.yaml"));
        var job = At(cronJob, "spec", "jobTemplate", "spec");

        Assert.Equal("CronJob", Text(cronJob, "kind"));
        Assert.Equal("*/15 * * * *", Text(cronJob, "spec", "schedule"));
        Assert.Equal(ProbeInterval, IntervalOf(Text(cronJob, "spec", "schedule")));
        Assert.Equal("Forbid", Text(cronJob, "spec", "concurrencyPolicy"));
        Assert.InRange(Int(cronJob, "spec", "startingDeadlineSeconds"), 1, (int)ProbeInterval.TotalSeconds - 1);
        Assert.InRange(Int(cronJob, "spec", "successfulJobsHistoryLimit"), 1, 10);
        Assert.InRange(Int(cronJob, "spec", "failedJobsHistoryLimit"), 1, 10);
        Assert.InRange(Int(job, "activeDeadlineSeconds"), 60, (int)ProbeInterval.TotalSeconds - 1);
        Assert.InRange(Int(job, "backoffLimit"), 0, 3);
        Assert.Equal("Never", Text(job, "template", "spec", "restartPolicy"));
    }

    [Fact]
    public void CronJob_pod_is_non_root_read_only_without_privileges_and_has_resources()
    {
        var pod = At(LoadSingle(RepositoryFiles.Path("k8s", "cronjob.yaml")), "spec", "jobTemplate", "spec", "template", "spec");
        var container = Assert.Single(List(At(pod, "containers")));

        Assert.Equal("false", Text(pod, "automountServiceAccountToken"));
        foreach (var context in new[] { At(pod, "securityContext"), At(container, "securityContext") })
        {
            Assert.Equal("true", Text(context, "runAsNonRoot"));
            Assert.True(Int(context, "runAsUser") > 0);
            Assert.Equal("RuntimeDefault", Text(context, "seccompProfile", "type"));
        }

        var containerContext = At(container, "securityContext");
        Assert.Equal("true", Text(containerContext, "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(containerContext, "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], List(At(containerContext, "capabilities", "drop")).Cast<string>());
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotEmpty(Text(container, "resources", kind, "cpu"));
            Assert.NotEmpty(Text(container, "resources", kind, "memory"));
        }

        // The only writable place is the emptyDir on /tmp (HOME and TMPDIR of the image).
        var mounts = List(At(container, "volumeMounts")).ToDictionary(m => Text(m, "mountPath"), m => Text(m, "name"));
        Assert.Equal("tmp", mounts["/tmp"]);
    }

    [Fact]
    public void CronJob_takes_the_password_from_the_mounted_secret_and_the_urls_from_the_configmap()
    {
        var pod = At(LoadSingle(RepositoryFiles.Path("k8s", "cronjob.yaml")), "spec", "jobTemplate", "spec", "template", "spec");
        var container = Assert.Single(List(At(pod, "containers")));
        var args = List(At(container, "args")).Cast<string>().ToList();
        var configMap = LoadSingle(RepositoryFiles.Path("k8s", "configmap.yaml"));

        Assert.Equal("probe", args[0]);
        Assert.Equal("$(REGISTRY_URL)", ValueOf(args, "--registry"));
        Assert.Equal("$(PUSHGATEWAY_URL)", ValueOf(args, "--pushgateway"));
        Assert.Equal("registry-integrity-probe", ValueOf(args, "--job"));
        Assert.Equal("json", ValueOf(args, "--output"));
        Assert.Equal(Text(configMap, "metadata", "name"), Text(container, "envFrom", 0, "configMapRef", "name"));
        foreach (var variable in new[] { "REGISTRY_URL", "PUSHGATEWAY_URL", "REGISTRY_USERNAME" })
        {
            Assert.NotEmpty(Text(configMap, "data", variable));
        }

        var passwordFile = ValueOf(args, "--password-file");
        var mount = List(At(container, "volumeMounts")).Single(m => passwordFile.StartsWith(Text(m, "mountPath") + "/", StringComparison.Ordinal));
        Assert.Equal("true", Text(mount, "readOnly"));
        var volume = List(At(pod, "volumes")).Single(v => Text(v, "name") == Text(mount, "name"));
        Assert.Equal("registryguard-credentials", Text(volume, "secret", "secretName"));
        Assert.Equal(Path.GetFileName(passwordFile), Text(volume, "secret", "items", 0, "path"));
        Assert.DoesNotContain(args, a => a.Contains("password", StringComparison.OrdinalIgnoreCase) && a != "--password-file" && a != passwordFile);
    }

    [Fact]
    public void Sharded_variant_is_an_indexed_job_whose_pods_probe_their_own_shard_under_their_own_grouping_key()
    {
        // A component the base lists (commented out), not an overlay inside k8s/: kustomize refuses an overlay whose
        // base directory contains it ("cycle detected").
        var kustomization = LoadSingle(RepositoryFiles.Path("k8s", "components", "sharded", "kustomization.yaml"));
        Assert.Equal("Component", Text(kustomization, "kind"));
        Assert.Contains("#   - components/sharded", File.ReadAllText(RepositoryFiles.Path("k8s", "kustomization.yaml")), StringComparison.Ordinal);
        var patch = LoadSingle(RepositoryFiles.Path("k8s", "components", "sharded", Text(kustomization, "patches", 0, "path")));
        var job = At(patch, "spec", "jobTemplate", "spec");
        var container = Assert.Single(List(At(job, "template", "spec", "containers")));
        var args = List(At(container, "args")).Cast<string>().ToList();

        Assert.Equal("registry-integrity-probe", Text(patch, "metadata", "name"));
        Assert.Equal("Indexed", Text(job, "completionMode"));
        var shards = Int(job, "completions");
        Assert.Equal(shards, Int(job, "parallelism"));
        Assert.Equal($"$(JOB_COMPLETION_INDEX)/{shards}", ValueOf(args, "--shard"));
        // What the pods receive once Kubernetes expands the index: N valid, distinct shards of N.
        var expanded = Enumerable.Range(0, shards)
            .Select(i => RegistryGuard.Probing.Shard.Parse(ValueOf(args, "--shard").Replace("$(JOB_COMPLETION_INDEX)", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(Enumerable.Range(0, shards), expanded.Select(s => s.Index));
        Assert.All(expanded, s => Assert.Equal(shards, s.Count));
        Assert.Equal("shard=$(JOB_COMPLETION_INDEX)", ValueOf(args, "--grouping-key"));
        Assert.Contains(List(At(container, "env")), e => Text(e, "name") == "JOB_COMPLETION_INDEX");
        // One shard's findings must not end the other shards before they push.
        Assert.Equal("FailIndex", Text(job, "podFailurePolicy", "rules", 0, "action"));
    }

    [Fact]
    public void Kustomizations_reference_files_that_exist()
    {
        foreach (var file in UnderDeployAndK8s().Where(f => Path.GetFileName(f) == "kustomization.yaml"))
        {
            var kustomization = Map(LoadSingle(file));
            var directory = Path.GetDirectoryName(file)!;
            var references = new List<string>();
            foreach (var key in new[] { "resources", "components" })
            {
                if (kustomization.TryGetValue(key, out var list))
                {
                    references.AddRange(List(list).Cast<string>());
                }
            }

            if (kustomization.TryGetValue("patches", out var patches))
            {
                references.AddRange(List(patches).Select(p => Text(p, "path")));
            }

            Assert.NotEmpty(references);
            Assert.All(references, r => Assert.True(File.Exists(Path.Combine(directory, r)) || Directory.Exists(Path.Combine(directory, r)), $"{file}: {r} does not exist"));
        }
    }

    [Fact]
    public void Compose_scan_mounts_the_registry_storage_read_only_and_runs_unprivileged()
    {
        var services = At(LoadSingle(RepositoryFiles.Path("deploy", "compose", "docker-compose.yml")), "services");
        var scan = At(services, "registryguard-scan");
        var command = List(At(scan, "command")).Cast<string>().ToList();
        var root = ValueOf(command, "--root");

        Assert.Matches(@"^registry:\d+\.\d+\.\d+$", Text(services, "registry", "image"));
        Assert.Contains("--dry-run", command);
        Assert.Contains($"/var/lib/registry:{root}:ro", List(At(scan, "volumes")).Cast<string>());
        Assert.Equal("true", Text(scan, "read_only"));
        Assert.Equal(["ALL"], List(At(scan, "cap_drop")).Cast<string>());
        Assert.DoesNotMatch("^0", Text(scan, "user"));
    }

    [Fact]
    public void Woodpecker_step_verifies_the_pushed_tags_with_credentials_from_secrets()
    {
        var pipeline = LoadSingle(RepositoryFiles.Path("deploy", "woodpecker", "build-and-verify.yml"));
        var steps = List(At(pipeline, "steps"));
        var push = steps.Single(s => Text(s, "name") == "build-and-push");
        var verify = steps.Single(s => Text(s, "name") == "verify-push");
        var repository = Text(push, "settings", "repo");
        var verified = List(At(verify, "commands")).Cast<string>().Where(c => c.StartsWith("registryguard verify ", StringComparison.Ordinal)).ToList();

        Assert.True(steps.IndexOf(verify) > steps.IndexOf(push));
        foreach (var tag in List(At(push, "settings", "tags")).Cast<string>())
        {
            Assert.Contains($"registryguard verify {repository}:{tag}", verified);
        }

        Assert.Equal("registry_password", Text(verify, "environment", "REGISTRYGUARD_PASSWORD", "from_secret"));
    }

    internal static TimeSpan IntervalOf(string schedule)
    {
        var minute = schedule.Split(' ')[0];
        Assert.StartsWith("*/", minute, StringComparison.Ordinal);
        return TimeSpan.FromMinutes(int.Parse(minute[2..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string ValueOf(List<string> args, string flag)
    {
        var index = args.IndexOf(flag);
        Assert.True(index >= 0 && index + 1 < args.Count, $"{flag} missing in: {string.Join(' ', args)}");
        return args[index + 1];
    }
}

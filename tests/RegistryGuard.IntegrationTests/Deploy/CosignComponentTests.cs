using RegistryGuard.Cli;
using RegistryGuard.Testing;
using static RegistryGuard.IntegrationTests.Deploy.YamlFiles;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>
/// k8s/components/cosign: the optional signature check of the CronJob. Its JSON patch mounts cosign.pub read-only
/// and appends --cosign-key and --require-signature to the probe's arguments; the result must be a command line
/// the real CLI accepts, naming the mounted file and a variable the ConfigMap defines.
/// </summary>
public sealed class CosignComponentTests
{
    private const string Container = "/spec/jobTemplate/spec/template/spec/containers/0";

    private static readonly object? Component = LoadSingle(RepositoryFiles.Path("k8s", "components", "cosign", "kustomization.yaml"));

    private static IList<object?> Operations() =>
        List(LoadSingle(RepositoryFiles.Path("k8s", "components", "cosign", Text(Component, "patches", 0, "path"))));

    private static object? ValueAdded(string path) =>
        At(Assert.Single(Operations(), op => Text(op, "op") == "add" && Text(op, "path") == path), "value");

    private static List<string> ProbeArguments()
    {
        var cronJob = LoadSingle(RepositoryFiles.Path("k8s", "cronjob.yaml"));
        var container = At(cronJob, "spec", "jobTemplate", "spec", "template", "spec", "containers", 0);
        Assert.Equal("registryguard", Text(container, "name")); // the patch addresses containers/0
        var appended = Operations().Where(op => Text(op, "path") == Container + "/args/-").Select(op => Text(op, "value"));
        return [.. List(At(container, "args")).Cast<string>(), .. appended];
    }

    [Fact]
    public void The_component_patches_the_probe_cronjob_and_only_appends()
    {
        var cronJob = LoadSingle(RepositoryFiles.Path("k8s", "cronjob.yaml"));

        Assert.Equal("Component", Text(Component, "kind"));
        Assert.Equal(("CronJob", Text(cronJob, "metadata", "name")), (Text(Component, "patches", 0, "target", "kind"), Text(Component, "patches", 0, "target", "name")));
        // Appending keeps the base's arguments, so the component composes with docker-config and the sharded variant.
        Assert.All(Operations(), op => Assert.Equal(("add", true), (Text(op, "op"), Text(op, "path").EndsWith("/-", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_patched_command_line_parses_with_the_real_cli_and_checks_signatures_with_the_mounted_key()
    {
        var args = ProbeArguments();
        var parse = CliApp.BuildRoot().Parse(args.ToArray());
        var mount = ValueAdded(Container + "/volumeMounts/-");
        var volume = ValueAdded("/spec/jobTemplate/spec/template/spec/volumes/-");
        var configMap = LoadSingle(RepositoryFiles.Path("k8s", "configmap.yaml"));

        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)) + " in: " + string.Join(' ', args));
        var key = ValueOf(args, "--cosign-key");
        Assert.Equal(Text(mount, "mountPath") + "/" + Text(volume, "configMap", "items", 0, "path"), key);
        Assert.Equal(("true", Text(mount, "name")), (Text(mount, "readOnly"), Text(volume, "name")));
        Assert.Equal(("registryguard-cosign", "cosign.pub"), (Text(volume, "configMap", "name"), Text(volume, "configMap", "items", 0, "key")));
        Assert.Equal("$(REQUIRE_SIGNATURE)", ValueOf(args, "--require-signature"));
        Assert.Null(RegistryGuard.Common.GlobPattern.NameProblem(Text(configMap, "data", "REQUIRE_SIGNATURE")));
    }

    private static string ValueOf(List<string> args, string flag)
    {
        var index = args.IndexOf(flag);
        Assert.True(index >= 0 && index + 1 < args.Count, $"{flag} missing in: {string.Join(' ', args)}");
        return args[index + 1];
    }
}

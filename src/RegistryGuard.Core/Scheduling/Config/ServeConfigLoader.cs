using System.Globalization;
using RegistryGuard.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryGuard.Scheduling.Config;

/// <summary>
/// Reads and validates serve's YAML. Every problem is collected with the line of the key it concerns, so one
/// start shows them all.
/// </summary>
public static class ServeConfigLoader
{
    public const string DefaultListen = "127.0.0.1:9464";

    /// <summary>Job types and the options each accepts.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> JobOptions { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["probe"] = new HashSet<string>(StringComparer.Ordinal)
        {
            "deep", "deep_budget", "deep_state", "concurrency", "timeout_seconds", "retries", "shard", "upstream_state", "cosign_keys", "require_signature",
        },
        ["gc"] = new HashSet<string>(StringComparer.Ordinal) { "command", "config", "dry_run", "timeout_minutes" },
        ["scan"] = new HashSet<string>(StringComparer.Ordinal) { "fix", "deep", "upload_age", "concurrency", "journal_dir" },
        ["prune"] = new HashSet<string>(StringComparer.Ordinal)
        {
            "via", "apply", "keep", "config", "keep_untagged", "semver", "order", "backup_dir", "journal_dir", "concurrency", "timeout_seconds", "retries",
        },
    };

    /// <summary>Options that take one value or a list of values.</summary>
    public static IReadOnlySet<string> ListOptions { get; } = new HashSet<string>(StringComparer.Ordinal) { "cosign_keys", "require_signature" };

    private static readonly string[] TopKeys = ["listen", "time_zone", "pushgateway", "registries", "jobs"];
    private static readonly string[] RegistryKeys = ["name", "url", "username", "password_file", "docker_config", "ca_file", "pull_through", "storage_root"];
    private static readonly string[] BooleanOptions = ["deep", "dry_run", "fix", "apply", "keep_untagged", "semver"];
    private static readonly string[] NumberOptions = ["concurrency", "retries", "timeout_seconds", "timeout_minutes"];
    private static readonly string[] JobKeys = ["name", "type", "registry", "schedule", "options"];

    public static ServeConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ServeConfigException($"{path}: {ex.Message}", ex);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <param name="source">The file name errors are prefixed with.</param>
    /// <param name="baseDirectory">Relative file paths in the config are taken from here.</param>
    public static ServeConfig Parse(string yaml, string source, string baseDirectory)
    {
        var errors = new Errors(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw errors.Fatal(ex.Start, "(syntax)", ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed scalars.
            throw errors.Fatal(Mark.Empty, "(syntax)", "not valid YAML: " + ex.Message, ex);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw errors.Fatal(Mark.Empty, "(document)", "expected one YAML mapping with registries: and jobs:", null);
        }

        var top = new Map(root, "", errors, TopKeys);
        var listen = top.String("listen") ?? DefaultListen;
        var (host, port) = ParseListen(listen, top, errors);
        var timeZone = ParseTimeZone(top, errors);
        Uri? pushgateway = null;
        if (top.String("pushgateway") is { } gatewayText)
        {
            pushgateway = Uri.TryCreate(gatewayText, UriKind.Absolute, out var gateway) && gateway.Scheme is "http" or "https" && gateway.UserInfo.Length == 0
                ? gateway
                : errors.Add<Uri>(top.MarkOf("pushgateway"), "pushgateway", $"'{UrlCredentials.Redact(gatewayText)}' is not an http(s) URL without credentials");
        }

        var registries = new Dictionary<string, RegistryConfig>(StringComparer.Ordinal);
        foreach (var (node, index) in top.Sequence("registries", required: true))
        {
            if (ParseRegistry(node, $"registries[{index}]", errors, baseDirectory) is { } registry && !registries.TryAdd(registry.Name, registry))
            {
                errors.Add(node.Start, $"registries[{index}].name", $"'{registry.Name}' is used twice");
            }
        }

        var jobs = new List<JobConfig>();
        foreach (var (node, index) in top.Sequence("jobs", required: true))
        {
            if (ParseJob(node, $"jobs[{index}]", errors, registries, timeZone, baseDirectory) is { } job)
            {
                if (jobs.Any(j => j.Name == job.Name))
                {
                    errors.Add(node.Start, $"jobs[{index}].name", $"'{job.Name}' is used twice");
                }

                jobs.Add(job);
            }
        }

        errors.ThrowIfAny();
        return new ServeConfig(host, port, timeZone, pushgateway, registries, jobs);
    }

    private static (string Host, int Port) ParseListen(string listen, Map top, Errors errors)
    {
        var colon = listen.LastIndexOf(':');
        if (colon > 0 && int.TryParse(listen[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            return (listen[..colon].Trim('[', ']'), port);
        }

        errors.Add(top.MarkOf("listen"), "listen", $"'{listen}' is not host:port (e.g. {DefaultListen})");
        return ("127.0.0.1", 9464);
    }

    private static TimeZoneInfo ParseTimeZone(Map top, Errors errors)
    {
        var id = top.String("time_zone") ?? "UTC";
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add(top.MarkOf("time_zone"), "time_zone", $"'{id}' is not a time zone known to this system (IANA names such as Europe/London; tzdata installed?)");
            return TimeZoneInfo.Utc;
        }
    }

    private static RegistryConfig? ParseRegistry(YamlNode node, string path, Errors errors, string baseDirectory)
    {
        if (!Map.TryCreate(node, path, errors, RegistryKeys, out var map))
        {
            return null;
        }

        var name = map.String("name", required: true);
        var urlText = map.String("url", required: true);
        Uri? url = null;
        if (urlText is not null && !(Uri.TryCreate(urlText, UriKind.Absolute, out url) && url.Scheme is "http" or "https" && url.UserInfo.Length == 0))
        {
            errors.Add(map.MarkOf("url"), path + ".url", $"'{UrlCredentials.Redact(urlText)}' is not an http(s) URL without credentials in it (use username + password_file)");
            url = null;
        }

        var username = map.String("username");
        var passwordFile = map.ExistingFile("password_file", baseDirectory);
        var dockerConfig = map.ExistingFile("docker_config", baseDirectory);
        var caFile = map.ExistingFile("ca_file", baseDirectory);
        if (map.Has("username") != map.Has("password_file"))
        {
            errors.Add(map.MarkOf(username is null ? "password_file" : "username"), path, "username and password_file go together");
        }

        if (map.Has("docker_config") && map.Has("username"))
        {
            errors.Add(map.MarkOf("docker_config"), path + ".docker_config", "give either username + password_file or docker_config, not both");
        }

        var pullThrough = map.Strings("pull_through").Select(g => new GlobPattern(g)).ToList();
        var storageRoot = map.String("storage_root") is { } root ? Path.GetFullPath(root, baseDirectory) : null;
        if (storageRoot is not null && !Directory.Exists(storageRoot))
        {
            errors.Add(map.MarkOf("storage_root"), path + ".storage_root", $"directory {storageRoot} does not exist");
        }

        return name is null || url is null ? null : new RegistryConfig(name, url, username, passwordFile, dockerConfig, caFile, pullThrough, storageRoot);
    }

    private static JobConfig? ParseJob(YamlNode node, string path, Errors errors, Dictionary<string, RegistryConfig> registries, TimeZoneInfo timeZone, string baseDirectory)
    {
        if (!Map.TryCreate(node, path, errors, JobKeys, out var map))
        {
            return null;
        }

        var name = map.String("name", required: true);
        var type = map.String("type", required: true);
        var registry = map.String("registry", required: true);
        var scheduleText = map.String("schedule", required: true);
        if (registry is not null && !registries.ContainsKey(registry))
        {
            errors.Add(map.MarkOf("registry"), path + ".registry", $"'{registry}' is not one of the registries: ({string.Join(", ", registries.Keys)})");
        }

        IReadOnlySet<string>? allowed = null;
        if (type is not null && !JobOptions.TryGetValue(type, out allowed))
        {
            errors.Add(map.MarkOf("type"), path + ".type", $"'{type}' is not a job type (probe, scan, prune, gc)");
        }

        CronSchedule? schedule = null;
        if (scheduleText is not null)
        {
            try
            {
                schedule = CronSchedule.Parse(scheduleText, timeZone);
            }
            catch (FormatException ex)
            {
                errors.Add(map.MarkOf("schedule"), path + ".schedule", ex.Message);
            }

            if (schedule is { EverFires: false })
            {
                errors.Add(map.MarkOf("schedule"), path + ".schedule", $"job '{name}': schedule '{scheduleText}' never fires (no date matches it)");
                schedule = null;
            }
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (map.Node("options") is { } optionsNode && allowed is not null)
        {
            if (type == "gc" && optionsNode is YamlMappingNode gcOptions && gcOptions.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "delete_untagged") is { } refused)
            {
                errors.Add(refused.Start, path + ".options.delete_untagged",
                    "refused: garbage-collect --delete-untagged deletes the children of tagged multi-arch indexes on distribution 2.8");
            }
            else if (Map.TryCreate(optionsNode, path + ".options", errors, [.. allowed], out var optionMap))
            {
                foreach (var key in allowed.Where(optionMap.Has))
                {
                    if (ListOptions.Contains(key))
                    {
                        lists[key] = [.. optionMap.Strings(key)];
                    }
                    else if (optionMap.String(key) is { } value)
                    {
                        options[key] = value;
                    }
                }

                ValidateOptions(type!, optionMap, options, path + ".options", errors, baseDirectory);
                ValidateSignatureOptions(optionMap, lists, path + ".options", errors, baseDirectory);
            }
        }
        else if (type == "gc")
        {
            errors.Add(map.Start, path + ".options.config", "a gc job needs options.config: the registry's own config.yml");
        }

        var readsStorage = type == "scan" || (type == "prune" && options.GetValueOrDefault("via") == "storage");
        if (readsStorage && registry is not null && registries.TryGetValue(registry, out var target) && target.StorageRoot is null)
        {
            errors.Add(map.MarkOf("registry"), path + ".registry", $"a {type} job reads the storage: registry '{registry}' needs storage_root");
        }

        return name is null || type is null || registry is null || schedule is null || allowed is null
            ? null
            : new JobConfig(name, type, registry, schedule, options, (int)map.Start.Line) { Lists = lists };
    }

    /// <summary>Key files are read now, so a bad one stops serve at start with its line, never at 3 a.m.</summary>
    private static void ValidateSignatureOptions(Map map, Dictionary<string, IReadOnlyList<string>> lists, string path, Errors errors, string baseDirectory)
    {
        if (lists.TryGetValue("cosign_keys", out var keys))
        {
            var full = keys.Select(k => Path.GetFullPath(k, baseDirectory)).ToList();
            lists["cosign_keys"] = full;
            foreach (var file in full)
            {
                try
                {
                    Signatures.CosignKeyFile.Load(file);
                }
                catch (Signatures.CosignKeyException ex)
                {
                    errors.Add(map.MarkOf("cosign_keys"), path + ".cosign_keys", ex.Message);
                }
            }
        }

        if (lists.TryGetValue("require_signature", out var globs))
        {
            foreach (var glob in globs.Where(g => GlobPattern.NameProblem(g) is not null))
            {
                errors.Add(map.MarkOf("require_signature"), path + ".require_signature", $"'{glob}' {GlobPattern.NameProblem(glob)}");
            }

            if (keys is not { Count: > 0 })
            {
                errors.Add(map.MarkOf("require_signature"), path + ".require_signature", "needs cosign_keys to check signatures with");
            }
        }
    }

    private static void ValidateOptions(string type, Map map, Dictionary<string, string> options, string path, Errors errors, string baseDirectory)
    {
        foreach (var key in BooleanOptions.Where(options.ContainsKey))
        {
            if (!bool.TryParse(options[key], out _))
            {
                errors.Add(map.MarkOf(key), $"{path}.{key}", $"'{options[key]}' is not true or false");
            }
        }

        foreach (var key in NumberOptions.Where(options.ContainsKey))
        {
            if (!int.TryParse(options[key], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || (number < 1 && key != "retries"))
            {
                errors.Add(map.MarkOf(key), $"{path}.{key}", $"'{options[key]}' is not a positive whole number");
            }
        }

        if (options.TryGetValue("deep_budget", out var budget) && !(ByteSize.TryParse(budget, out var bytes) && bytes > 0))
        {
            errors.Add(map.MarkOf("deep_budget"), path + ".deep_budget", $"'{budget}' is not a size such as 2GiB");
        }

        if (options.TryGetValue("shard", out var shard))
        {
            try
            {
                Probing.Shard.Parse(shard);
            }
            catch (FormatException ex)
            {
                errors.Add(map.MarkOf("shard"), path + ".shard", ex.Message);
            }
        }

        if (options.TryGetValue("upload_age", out var age) && !Common.DurationText.TryParse(age, out _))
        {
            errors.Add(map.MarkOf("upload_age"), path + ".upload_age", $"'{age}' is not a duration such as 24h");
        }

        if (options.TryGetValue("order", out var order) && !Pruning.Planning.TagOrderText.TryParse(order, out _))
        {
            errors.Add(map.MarkOf("order"), path + ".order", $"'{order}' is not one of: {Pruning.Planning.TagOrderText.Allowed}");
        }

        if (options.TryGetValue("via", out var via) && via is not ("api" or "storage"))
        {
            errors.Add(map.MarkOf("via"), path + ".via", $"'{via}' is neither api nor storage");
        }

        if (options.TryGetValue("keep", out var keep) && !int.TryParse(keep, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(map.MarkOf("keep"), path + ".keep", $"'{keep}' is not a whole number");
        }

        if (type == "prune" && options.TryGetValue("config", out var policy))
        {
            var full = Path.GetFullPath(policy, baseDirectory);
            try
            {
                Pruning.Planning.PruneConfigLoader.Load(full);
                options["config"] = full;
            }
            catch (Exception ex) when (ex is Pruning.Planning.PruneConfigException or IOException or UnauthorizedAccessException)
            {
                errors.Add(map.MarkOf("config"), path + ".config", ex.Message);
            }
        }

        foreach (var key in (string[])["journal_dir", "backup_dir"])
        {
            if (options.TryGetValue(key, out var directory))
            {
                options[key] = Path.GetFullPath(directory, baseDirectory);
            }
        }

        if (type == "gc")
        {
            if (!options.TryGetValue("config", out var config))
            {
                errors.Add(map.Start, path + ".config", "a gc job needs options.config: the registry's own config.yml");
            }
            else if (!File.Exists(Path.GetFullPath(config, baseDirectory)))
            {
                errors.Add(map.MarkOf("config"), path + ".config", $"file {Path.GetFullPath(config, baseDirectory)} does not exist");
            }
            else
            {
                options["config"] = Path.GetFullPath(config, baseDirectory);
            }
        }
    }
}

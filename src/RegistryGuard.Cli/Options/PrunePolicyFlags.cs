using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Pruning;
using RegistryGuard.Runs;
using RegistryGuard.Storage;

namespace RegistryGuard.Cli.Options;

/// <summary>The policy flags of <c>prune</c>; each one given overrides the config file's defaults.</summary>
internal sealed class PrunePolicyFlags
{
    public Option<FileInfo?> Config { get; } = new("--config") { Description = "YAML policy file (defaults, include/exclude, per-repository rules); see docs/prune.md." };

    public Option<int?> Keep { get; } = new("--keep") { Description = "Keep the newest N tags per repository (default 10). Protected, regex-kept and attached tags do not count." };

    public Option<string[]> Protect { get; } = new("--protect") { Description = "Tag glob always kept (repeatable; default: latest). Replaces the default list." };

    public Option<string?> KeepRegex { get; } = new("--keep-regex") { Description = "Tags matching this regex (whole tag) are always kept." };

    public Option<string?> DeleteRegex { get; } = new("--delete-regex") { Description = "Tags matching this regex (whole tag) are pruned whatever their age, unless protected or kept." };

    public Option<bool> Semver { get; } = new("--semver") { Description = "Rank tags that are semantic versions by version instead of push time." };

    public Option<string?> Order { get; } = new("--order")
    {
        Description = "How tags are ranked for --keep: time (push time, the default when every image has one), semver (versions first), "
            + "or name (highest name first, digits as numbers). Needed for --apply when push times are unknown.",
    };

    public Option<bool> KeepUntagged { get; } = new("--keep-untagged") { Description = "Delete only manifests a pruned tag points at; keep every untagged manifest." };

    public Option<string[]> Include { get; } = new("--include") { Description = "Repository glob to prune (repeatable; default all). '*' within a segment, '**' across." };

    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Repository glob never pruned (repeatable)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Keep, Protect, KeepRegex, DeleteRegex, Semver, Order, KeepUntagged, Include, Exclude })
        {
            command.Add(option);
        }
    }

    public PruneRules Map(ParseResult parse)
    {
        var keep = parse.GetValue(Keep);
        if (keep < 0)
        {
            throw new UsageException("--keep must be 0 or more");
        }

        PruneConfig? config;
        try
        {
            config = parse.GetValue(Config) is { } file ? PruneConfigLoader.Load(file.FullName) : null;
        }
        catch (PruneConfigException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        var protect = parse.GetValue(Protect);
        var flags = new PolicyOverrides
        {
            Keep = keep,
            Protect = protect is { Length: > 0 } ? protect : null,
            KeepRegex = CheckedRegex(parse.GetValue(KeepRegex), "--keep-regex"),
            DeleteRegex = CheckedRegex(parse.GetValue(DeleteRegex), "--delete-regex"),
            Semver = parse.GetValue(Semver) ? true : null,
            Order = parse.GetValue(Order) is { } order
                ? TagOrderText.TryParse(order, out var chosen) ? chosen : throw new UsageException($"--order: '{order}' is not one of: {TagOrderText.Allowed}")
                : null,
            KeepUntagged = parse.GetValue(KeepUntagged) ? true : null,
        };
        var include = parse.GetValue(Include) ?? [];
        var exclude = parse.GetValue(Exclude) ?? [];
        foreach (var glob in include.Concat(exclude))
        {
            if (GlobPattern.NameProblem(glob) is { } problem)
            {
                throw new UsageException($"--include/--exclude '{StorageNames.Printable(glob)}' {problem}");
            }
        }

        return PruneRunOptions.RulesFrom(config, flags, include, exclude);
    }

    private static string? CheckedRegex(string? pattern, string flag)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            PolicyOverrides.CompileRegex(pattern);
            return pattern;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{flag} is not a valid regular expression ({ex.Message})", ex);
        }
    }
}

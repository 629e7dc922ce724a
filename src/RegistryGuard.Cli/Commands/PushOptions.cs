using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;

namespace RegistryGuard.Cli.Commands;

/// <summary>--pushgateway, --job and --grouping-key: shared by every command that publishes its run's metrics.</summary>
internal sealed class PushOptions(string defaultJob)
{
    public Option<string?> Pushgateway { get; } = new("--pushgateway") { Description = "Push the run's metrics to this Prometheus Pushgateway when the run ends (even when it fails)." };

    public Option<string> Job { get; } = new("--job") { Description = "Pushgateway job label.", DefaultValueFactory = _ => defaultJob };

    public Option<string[]> GroupingKey { get; } = new("--grouping-key")
    {
        Description = "Extra grouping label k=v (repeatable). Default: instance=<registry host:port> (scan, prune --root: the machine name).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Add(Pushgateway);
        command.Add(Job);
        command.Add(GroupingKey);
    }

    /// <summary>Validates the flags before the run starts, so a typo does not cost a whole probe.</summary>
    public PushTarget? Build(ParseResult parse, Uri registry, Shard shard) => Build(parse, $"{registry.Host}:{registry.Port}", shard);

    /// <param name="instance">The default <c>instance</c> label: the registry's host:port, or the machine for a storage scan.</param>
    public PushTarget? Build(ParseResult parse, string instance, Shard shard)
    {
        if (parse.GetValue(Pushgateway) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(gateway.UserInfo))
        {
            throw new UsageException($"--pushgateway '{UrlCredentials.Redact(text)}' is not an http(s) URL without credentials in it");
        }

        var labels = new List<MetricLabel>();
        foreach (var pair in parse.GetValue(GroupingKey) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--grouping-key '{pair}' is not k=v");
            }

            labels.Add(new MetricLabel(pair[..equals], pair[(equals + 1)..]));
        }

        try
        {
            var key = new GroupingKey(parse.GetValue(Job)!, labels);
            if (!key.Has("instance"))
            {
                key = key.With("instance", instance);
            }

            if (shard.Count > 1 && !key.Has("shard"))
            {
                key = key.With("shard", shard.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return new PushTarget(gateway, key);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}

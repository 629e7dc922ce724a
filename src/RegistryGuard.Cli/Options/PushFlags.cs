using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Options;

/// <summary>--pushgateway, --job and --grouping-key: shared by every command that publishes its run's metrics.</summary>
internal sealed class PushFlags(string defaultJob)
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

    /// <summary>Checked before the run starts, so a typo does not cost a whole probe; null without --pushgateway.</summary>
    public PushSettings? Map(ParseResult parse)
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

        return new PushSettings(gateway) { Job = parse.GetValue(Job), Labels = labels };
    }
}

using System.CommandLine;
using RegistryGuard.Probing;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Options;

/// <summary>The flags of <c>probe</c>, mapped onto <see cref="ProbeRunOptions"/>.</summary>
internal sealed class ProbeFlags
{
    private readonly ConnectionFlags _connection = new();
    private readonly WalkFlags _walk = new();
    private readonly SignatureFlags _signatures = new(perRepository: true);
    private readonly PushFlags _push = new(ProbeRunOptions.DefaultJob);

    public Option<string> Registry { get; } = new("--registry", "-r") { Description = "Registry base URL, e.g. https://registry.example:5050", Required = true };

    public Option<string?> Shard { get; } = new("--shard") { Description = "Probe only shard I of N (I/N), split by a stable hash of the repository name." };

    public Option<bool> ExpectAuth { get; } = new("--expect-auth") { Description = "Report unauthenticated_access when /v2/ or the catalog answer without credentials." };

    public Option<int?> MinRepositories { get; } = new("--min-repositories") { Description = "Report catalog_shrunk when the catalog lists fewer repositories than N." };

    public Option<FileInfo?> StateFile { get; } = new("--state-file")
    {
        Description = "Keeps the catalog size between runs: a catalog below half of the last count, or empty, is catalog_shrunk.",
    };

    public Option<FileInfo?> UpstreamState { get; } = new("--upstream-state")
    {
        Description = "With --pull-through: keeps since when a cache's upstream has been unreachable, between runs.",
    };

    public Option<ReportFormat> Output { get; } = OutputFlag.Create();

    public void AddTo(Command command)
    {
        command.Add(Registry);
        command.Add(Shard);
        command.Add(ExpectAuth);
        command.Add(MinRepositories);
        command.Add(StateFile);
        command.Add(UpstreamState);
        _connection.AddTo(command);
        _walk.AddTo(command);
        _signatures.AddTo(command);
        command.Add(Output);
        _push.AddTo(command);
    }

    public ProbeRunOptions Map(ParseResult parse)
    {
        var text = parse.GetValue(Registry)!;
        var options = new ProbeRunOptions(_connection.Map(parse, RegistryUrl.Parse(text), !RegistryUrl.SchemeGiven(text))) { Walk = _walk.Map(parse) };
        if (parse.GetValue(Shard) is { } shard)
        {
            options = options with { Shard = ParseShard(shard) };
        }

        if (parse.GetValue(MinRepositories) is < 0)
        {
            throw new UsageException("--min-repositories must not be negative");
        }

        return options with
        {
            ExpectAuth = parse.GetValue(ExpectAuth),
            MinRepositories = parse.GetValue(MinRepositories),
            CatalogStateFile = parse.GetValue(StateFile)?.FullName,
            Signatures = _signatures.Map(parse),
            UpstreamStateFile = parse.GetValue(UpstreamState)?.FullName,
            Push = _push.Map(parse),
        };
    }

    private static Shard ParseShard(string text)
    {
        try
        {
            return Probing.Shard.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}

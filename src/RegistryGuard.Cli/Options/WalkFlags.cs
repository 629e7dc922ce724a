using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Options;

/// <summary>Options of the walk itself, shared by probe and verify.</summary>
internal sealed class WalkFlags
{
    private readonly PullThroughFlag _pullThrough = new("Pull-through cache (alone: the whole registry; GLOB: matching repositories, repeatable). probe never walks it (a walk makes a cache fetch and store) and checks its upstream instead; verify: missing index children are informational.");

    public Option<bool> Deep { get; } = new("--deep") { Description = "Also GET and hash blobs (catches same-size corruption)." };

    public Option<string?> DeepBudget { get; } = new("--deep-budget") { Description = "With --deep: hash at most this much per run (e.g. 2GiB); successive runs cover everything." };

    public Option<FileInfo?> DeepState { get; } = new("--deep-state") { Description = "File keeping the --deep-budget cursor between runs." };

    public void AddTo(Command command)
    {
        command.Add(Deep);
        command.Add(DeepBudget);
        command.Add(DeepState);
        command.Add(_pullThrough.Option);
    }

    public WalkSettings Map(ParseResult parse)
    {
        long? budget = null;
        if (parse.GetValue(DeepBudget) is { } text)
        {
            budget = ByteSize.TryParse(text, out var bytes) && bytes > 0 ? bytes : throw new UsageException($"--deep-budget '{text}' is not a size such as 2GiB");
        }

        return new WalkSettings
        {
            Deep = parse.GetValue(Deep),
            DeepBudgetBytes = budget,
            DeepStateFile = parse.GetValue(DeepState)?.FullName,
            PullThrough = _pullThrough.Map(parse),
        };
    }
}

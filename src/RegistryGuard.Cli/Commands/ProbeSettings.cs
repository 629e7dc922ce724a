using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Probing;
using RegistryGuard.Reporting;

namespace RegistryGuard.Cli.Commands;

/// <summary>Options of the walk itself, shared by probe and verify.</summary>
internal sealed class ProbeSettings
{
    public Option<bool> Deep { get; } = new("--deep") { Description = "Also GET and hash blobs (catches same-size corruption)." };

    public Option<string?> DeepBudget { get; } = new("--deep-budget") { Description = "With --deep: hash at most this much per run (e.g. 2GiB); successive runs cover everything." };

    public Option<FileInfo?> DeepState { get; } = new("--deep-state") { Description = "File keeping the --deep-budget cursor between runs." };

    public Option<string[]> PullThrough { get; } = new("--pull-through")
    {
        Description = "Pull-through cache: missing index children are informational. Alone: the whole registry; with GLOB: matching repositories (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<ReportFormat> Output { get; } = new("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => ReportFormat.Text };

    public SignatureSettings Signatures { get; } = new();

    public void AddTo(Command command)
    {
        command.Add(Deep);
        command.Add(DeepBudget);
        command.Add(DeepState);
        command.Add(PullThrough);
        command.Add(Output);
        Signatures.AddTo(command);
    }

    public ProbeOptions Build(ParseResult parse, int concurrency, Uri registry)
    {
        long? budget = null;
        if (parse.GetValue(DeepBudget) is { } text)
        {
            budget = ByteSize.TryParse(text, out var bytes) && bytes > 0 ? bytes : throw new UsageException($"--deep-budget '{text}' is not a size such as 2GiB");
        }

        var pullThrough = parse.GetResult(PullThrough) is null
            ? []
            : parse.GetValue(PullThrough) is { Length: > 0 } globs ? globs : ["**"];
        return new ProbeOptions
        {
            Concurrency = concurrency,
            Deep = parse.GetValue(Deep) || budget is not null,
            DeepBudgetBytes = budget,
            DeepStateFile = parse.GetValue(DeepState)?.FullName ?? (budget is null ? null : DefaultDeepState(registry)),
            PullThrough = [.. pullThrough.Select(g => new GlobPattern(g))],
            Signatures = Signatures.Build(parse),
        };
    }

    private static string DefaultDeepState(Uri registry)
    {
        var stateHome = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        var name = new string([.. registry.Authority.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return Path.Combine(stateHome, "registryguard", $"deep-cursor-{name}");
    }
}

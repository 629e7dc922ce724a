using System.CommandLine;
using RegistryGuard.Common;

namespace RegistryGuard.Cli.Options;

/// <summary><c>--pull-through</c>: alone, every repository; with globs (repeatable), the matching ones.</summary>
internal sealed class PullThroughFlag(string description)
{
    public Option<string[]> Option { get; } = new("--pull-through") { Description = description, Arity = ArgumentArity.ZeroOrMore };

    public IReadOnlyList<GlobPattern> Map(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var globs = parse.GetResult(Option) is null ? []
            : parse.GetValue(Option) is { Length: > 0 } patterns ? patterns
            : ["**"];
        return [.. globs.Select(g => new GlobPattern(g))];
    }
}

using System.CommandLine;

namespace RegistryGuard.Tests.Cli.Options;

/// <summary>Parses a command line against one command's flags, as the real command would.</summary>
internal static class FlagsParser
{
    public static ParseResult Parse(Action<Command> addTo, params string[] args)
    {
        var command = new RootCommand();
        addTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return parse;
    }
}

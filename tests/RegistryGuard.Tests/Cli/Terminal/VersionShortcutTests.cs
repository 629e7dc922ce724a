using System.Reflection;
using RegistryGuard.Cli;
using RegistryGuard.Cli.Terminal;

namespace RegistryGuard.Tests.Cli.Terminal;

public sealed class VersionShortcutTests
{
    [Fact]
    public void The_constant_is_the_informational_version_the_parser_prints()
    {
        var attribute = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal(BuildVersion.Informational, attribute.InformationalVersion);
    }

    [Theory]
    [InlineData(true, new[] { "--version" })]
    [InlineData(false, new string[0])]
    [InlineData(false, new[] { "--help" })]
    [InlineData(false, new[] { "--version", "extra" })]
    [InlineData(false, new[] { "probe", "--version" })]
    [InlineData(false, new[] { "--VERSION" })]
    public void Only_the_bare_flag_takes_the_shortcut(bool applies, string[] args)
    {
        Assert.Equal(applies, VersionShortcut.Applies(args));
    }
}

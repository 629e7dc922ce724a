using System.CommandLine;
using RegistryGuard.Cli;
using RegistryGuard.Cli.Terminal;

namespace RegistryGuard.Tests.Cli.Terminal;

/// <summary>Every option of every command that takes a number or a fixed set of words, given a value that fits neither.</summary>
public sealed class UsageErrorsTests
{
    public static TheoryData<string, string> TypedOptions()
    {
        var data = new TheoryData<string, string>();
        var root = CliApp.BuildRoot();
        foreach (var command in root.Subcommands)
        {
            foreach (var option in command.Options.Concat(root.Options.Where(o => o.Recursive)).Where(o => Typed(o.ValueType)))
            {
                data.Add(command.Name, option.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public void A_value_that_does_not_fit_names_the_option_and_what_is_allowed_without_type_names(string command, string option)
    {
        var parse = CliApp.BuildRoot().Parse([command, option, "bogus"]);

        var messages = parse.Errors.Select(UsageErrors.Describe).ToList();

        var message = Assert.Single(messages, m => m.StartsWith($"{option}: 'bogus' is not ", StringComparison.Ordinal));
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("RegistryGuard.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("`", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void The_list_is_not_empty_and_includes_the_ones_operators_met()
    {
        var options = TypedOptions().Select(row => $"{row[0]} {row[1]}").ToList();

        Assert.Contains("prune --keep", options);
        Assert.Contains("probe --output", options);
        Assert.Contains("probe --log-level", options);
    }

    private static bool Typed(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        return value.IsEnum || value == typeof(int) || value == typeof(long) || value == typeof(double);
    }
}

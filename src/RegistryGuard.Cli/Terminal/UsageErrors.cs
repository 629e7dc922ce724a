using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// Parse errors in the operator's words: a value that does not fit its option says what is allowed (never a .NET
/// type name), and every error is one line.
/// </summary>
internal static class UsageErrors
{
    public static string Describe(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var option = (error.SymbolResult as OptionResult)?.Option ?? (error.SymbolResult?.Parent as OptionResult)?.Option;
        var argument = (error.SymbolResult as ArgumentResult)?.Argument;
        var valueType = option?.ValueType ?? argument?.ValueType;
        if (valueType is null || !error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            return OneLine(error.Message);
        }

        var name = option?.Name ?? argument!.Name;
        var given = error.SymbolResult!.Tokens.Count > 0 ? error.SymbolResult.Tokens[^1].Value : "";
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        return $"{name}: '{given}' is not {Expected(type, option, argument)}";
    }

    private static string Expected(Type type, Option? option, Argument? argument)
    {
        if (type == typeof(int) || type == typeof(long))
        {
            return "a whole number";
        }

        if (type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        var choices = (option?.GetCompletions(CompletionContext.Empty) ?? argument?.GetCompletions(CompletionContext.Empty) ?? [])
            .Select(c => c.Label.ToLowerInvariant())
            .ToList();
        return choices.Count > 0 ? "one of: " + string.Join(", ", choices) : "a valid value";
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

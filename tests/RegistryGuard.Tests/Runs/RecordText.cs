using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace RegistryGuard.Tests.Runs;

/// <summary>
/// A run options record as text, every public property and list element included, so two records built two ways
/// (command line, serve YAML) compare by what they say rather than by reference (lists, globs and regexes are
/// classes). Loggers are left out: they change where a run logs, not what it does.
/// </summary>
internal static class RecordText
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, "");
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, string indent)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case Regex regex:
                text.Append('/').Append(regex).Append('/');
                return;
            case Uri or TimeSpan or DateTimeOffset or Enum or bool:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable when value.GetType().IsPrimitive:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Append(text, item, indent);
                    text.Append(", ");
                }

                text.Append(']');
                return;
        }

        var type = value.GetType();
        if (type.GetMethod("ToString", Type.EmptyTypes)!.DeclaringType == type && !IsRecord(type))
        {
            text.Append(value); // e.g. credentials, which print without their secret
            return;
        }

        text.Append(type.Name).Append(" {\n");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || typeof(ILogger).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            text.Append(indent).Append("  ").Append(property.Name).Append(" = ");
            Append(text, property.GetValue(value), indent + "  ");
            text.Append('\n');
        }

        text.Append(indent).Append('}');
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
}

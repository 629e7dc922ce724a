using System.Globalization;
using System.Text;

namespace RegistryGuard.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): a HELP and a TYPE line per family, then one
/// line per sample. Label values escape backslash, double quote and line feed; HELP text escapes backslash and
/// line feed. Lines end with a single '\n'.
/// </summary>
public static class ExpositionFormat
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string ToText(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        using var writer = new StringWriter(text, CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(families, writer);
        return text.ToString();
    }

    public static void Write(IEnumerable<MetricFamily> families, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(writer);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            if (!seen.Add(family.Name))
            {
                throw new ArgumentException($"metric family {family.Name} appears twice; the exposition format allows one block per name", nameof(families));
            }

            writer.Write("# HELP ");
            writer.Write(family.Name);
            writer.Write(' ');
            writer.Write(EscapeHelp(family.Help));
            writer.Write('\n');
            writer.Write("# TYPE ");
            writer.Write(family.Name);
            writer.Write(' ');
            writer.Write(family.Type == MetricType.Counter ? "counter" : "gauge");
            writer.Write('\n');
            foreach (var sample in family.Samples)
            {
                writer.Write(family.Name);
                if (sample.Labels.Count > 0)
                {
                    writer.Write('{');
                    for (var i = 0; i < sample.Labels.Count; i++)
                    {
                        if (i > 0)
                        {
                            writer.Write(',');
                        }

                        writer.Write(sample.Labels[i].Name);
                        writer.Write("=\"");
                        writer.Write(EscapeLabelValue(sample.Labels[i].Value));
                        writer.Write('"');
                    }

                    writer.Write('}');
                }

                writer.Write(' ');
                writer.Write(FormatValue(sample.Value));
                writer.Write('\n');
            }
        }
    }

    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static string EscapeHelp(string help)
    {
        ArgumentNullException.ThrowIfNull(help);
        return help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}

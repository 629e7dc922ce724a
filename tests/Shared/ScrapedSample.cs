using System.Globalization;
using System.Text;

namespace RegistryGuard.Testing;

/// <summary>One sample line of a scraped text exposition, label values unescaped: an independent reader for assertions.</summary>
internal sealed record ScrapedSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The samples <paramref name="registry"/> exports now.</summary>
    public static async Task<IReadOnlyList<ScrapedSample>> CollectAsync(Prometheus.CollectorRegistry registry)
    {
        using var text = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(text);
        return Parse(Encoding.UTF8.GetString(text.ToArray()));
    }

    public static IReadOnlyList<ScrapedSample> Parse(string text)
    {
        var samples = new List<ScrapedSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var i = 0;
            while (i < line.Length && line[i] != '{' && line[i] != ' ')
            {
                i++;
            }

            var name = line[..i];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (line[i] == '{')
            {
                i++;
                while (line[i] != '}')
                {
                    var equals = line.IndexOf('=', i);
                    var labelName = line[i..equals];
                    i = equals + 2; // past ="
                    var value = new StringBuilder();
                    while (line[i] != '"')
                    {
                        if (line[i] == '\\')
                        {
                            i++;
                            value.Append(line[i] switch { 'n' => '\n', var c => c });
                        }
                        else
                        {
                            value.Append(line[i]);
                        }

                        i++;
                    }

                    labels[labelName] = value.ToString();
                    i++;
                    if (line[i] == ',')
                    {
                        i++;
                    }
                }

                i++;
            }

            var number = line[(i + 1)..].Split(' ')[0];
            samples.Add(new ScrapedSample(name, labels, number switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(number, CultureInfo.InvariantCulture),
            }));
        }

        return samples;
    }
}

using System.Text;

namespace RegistryGuard.Metrics;

/// <summary>
/// A Pushgateway group: the job plus further labels, in URL order. Values that are empty or hold anything beyond
/// unreserved URL characters travel in the gateway's <c>@base64</c> (URL-safe) form, so '/' or a line feed in a
/// value cannot change the path.
/// </summary>
public sealed record GroupingKey
{
    public GroupingKey(string job, IReadOnlyList<MetricLabel>? labels = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        Job = job;
        Labels = labels ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal) { "job" };
        foreach (var label in Labels)
        {
            MetricNames.RequireLabelName(label.Name);
            if (!names.Add(label.Name))
            {
                throw new ArgumentException($"grouping key label '{label.Name}' is given twice (job is always set by --job)", nameof(labels));
            }
        }
    }

    public string Job { get; }

    public IReadOnlyList<MetricLabel> Labels { get; }

    public bool Has(string name) => Labels.Any(l => l.Name == name);

    public GroupingKey With(string name, string value) => new(Job, [.. Labels, new MetricLabel(name, value)]);

    /// <summary>The path below the gateway's base URL: <c>metrics/job/JOB{/LABEL/VALUE}</c>.</summary>
    public string ToPath()
    {
        var path = new StringBuilder("metrics");
        Append(path, "job", Job);
        foreach (var label in Labels)
        {
            Append(path, label.Name, label.Value);
        }

        return path.ToString();
    }

    public override string ToString() => string.Join(',', new[] { new MetricLabel("job", Job) }.Concat(Labels).Select(l => $"{l.Name}={l.Value}"));

    private static void Append(StringBuilder path, string name, string value)
    {
        if (value.Length > 0 && value.All(IsPlain))
        {
            path.Append('/').Append(name).Append('/').Append(value);
            return;
        }

        // The gateway's documented spelling of an empty value is a lone '='.
        var encoded = value.Length == 0 ? "=" : Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');
        path.Append('/').Append(name).Append("@base64/").Append(encoded);
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':';
}

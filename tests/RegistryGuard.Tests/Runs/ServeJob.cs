using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Tests.Runs;

/// <summary>One job of a serve config as the loader validated it, with its registry.</summary>
internal sealed record ServeJob(JobConfig Job, RegistryConfig Registry)
{
    /// <param name="options">The job's <c>options:</c> lines, indented as under <c>options:</c>, or empty.</param>
    /// <param name="registryLines">Further lines of the registry entry (e.g. <c>storage_root: …</c>).</param>
    public static ServeJob Parse(string type, string url, string options = "", string registryLines = "")
    {
        var yaml = $"""
            registries:
              - name: r
                url: {url}
            {Indent(registryLines, "    ")}
            jobs:
              - name: j
                type: {type}
                registry: r
                schedule: "0 3 * * *"
            {(options.Length == 0 ? "" : "    options:\n" + Indent(options, "      "))}
            """;
        var config = ServeConfigLoader.Parse(yaml, "serve.yml", Path.GetTempPath());
        var job = Assert.Single(config.Jobs);
        return new ServeJob(job, config.Registries[job.Registry]);
    }

    private static string Indent(string lines, string indent) =>
        string.Join('\n', lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => indent + l.Trim()));
}

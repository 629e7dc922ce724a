using System.CommandLine;
using System.Text.RegularExpressions;
using RegistryGuard.Cli;
using RegistryGuard.Scheduling.Config;
using RegistryGuard.Testing;

namespace RegistryGuard.Tests.Docs;

/// <summary>
/// The docs and the --help texts describe what exists: nothing promised for later that is already there (serve's
/// help once said scan and prune came "soon"), and every serve job type and option the code accepts is documented.
/// </summary>
public sealed partial class StaleClaimsTests
{
    [Fact]
    public void No_doc_or_help_text_promises_a_feature_for_later()
    {
        var texts = new[] { "README.md", "DEVELOPERS.md" }.Select(f => (f, File.ReadAllText(RepositoryFiles.Path(f))))
            .Concat(Directory.GetFiles(RepositoryFiles.Path("docs"), "*.md").Select(f => (Path.GetRelativePath(RepositoryFiles.Root, f), File.ReadAllText(f))))
            .Concat(Directory.GetFiles(RepositoryFiles.Path("deploy"), "*.*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(RepositoryFiles.Root, f), File.ReadAllText(f))))
            .Concat(HelpTexts().Select(h => ("--help of " + h.Command, h.Text)));

        var promises = texts.SelectMany(t => Promise().Matches(t.Item2).Select(m => $"{t.Item1}: ...{m.Value}...")).ToList();

        Assert.Empty(promises);
    }

    [Fact]
    public void Serve_s_help_and_docs_name_every_job_type()
    {
        var help = HelpTexts().Single(h => h.Command == "serve").Text;
        var docs = File.ReadAllText(RepositoryFiles.Path("docs", "serve.md"));

        foreach (var type in ServeConfigLoader.JobOptions.Keys)
        {
            Assert.Contains(type, help, StringComparison.Ordinal);
            Assert.Contains($"`{type}`", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_option_of_every_serve_job_type_is_documented_in_serve_md()
    {
        var docs = File.ReadAllText(RepositoryFiles.Path("docs", "serve.md"));

        var missing = ServeConfigLoader.JobOptions.SelectMany(job => job.Value.Where(option => !docs.Contains($"`{option}`", StringComparison.Ordinal)).Select(option => $"{job.Key}.{option}"));

        Assert.Empty(missing);
    }

    private static IEnumerable<(string Command, string Text)> HelpTexts()
    {
        var root = CliApp.BuildRoot();
        return root.Subcommands.Select(command => (command.Name, string.Join('\n',
            new[] { command.Description ?? "" }.Concat(command.Options.Select(o => o.Description ?? "")).Concat(command.Arguments.Select(a => a.Description ?? "")))));
    }

    [GeneratedRegex(@"(?i)\b(?:coming soon|(?<!as )\bsoon\b(?! as)|not (?:yet )?implemented|not yet supported|in a future (?:version|release)|planned for|TODO\b|TBD\b)")]
    private static partial Regex Promise();
}

using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var flags = new VerifyFlags();
        return RunCommand.Create(
            "verify",
            "Walk one image (index, children, configs, layers): the CI post-push check. Exit 1 if anything is broken; with --cosign-key, also if the image has no valid signature.",
            flags.AddTo,
            flags.Map,
            (options, ct) => new VerifyService().RunAsync(options, ct),
            (report, parse) => ProbeReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out));
    }
}

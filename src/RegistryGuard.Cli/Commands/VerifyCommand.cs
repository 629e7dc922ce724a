using System.CommandLine;
using RegistryGuard.Metrics;
using RegistryGuard.Oci;
using RegistryGuard.Probing;
using RegistryGuard.Registry;

namespace RegistryGuard.Cli.Commands;

internal static class VerifyCommand
{
    /// <summary>Not the probe's job: one image's result must not replace the whole registry's group.</summary>
    public const string VerifyJob = "registryguard-verify";

    public static Command Create()
    {
        var reference = new Argument<string>("REF") { Description = "host[:port]/repository:tag or host[:port]/repository@sha256:…" };
        var plainHttp = new Option<bool>("--plain-http") { Description = "Use http:// for a REF without a scheme (a loopback or lab registry)." };
        var connection = new ConnectionOptions();
        var settings = new ProbeSettings();
        var push = new PushOptions(VerifyJob);
        var command = new Command("verify", "Walk one image (index, children, configs, layers): the CI post-push check. Exit 1 if anything is broken; with --cosign-key, also if the image has no valid signature.")
        {
            reference, plainHttp,
        };
        connection.AddTo(command);
        settings.AddTo(command);
        push.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            ImageReference image;
            try
            {
                image = ImageReference.Parse(parse.GetValue(reference)!, parse.GetValue(plainHttp));
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message, ex);
            }

            var clientOptions = connection.Build(parse, image.Registry);
            var pushTarget = push.Build(parse, image.Registry, Shard.Whole);
            using var client = new RegistryClient(clientOptions);
            var probeOptions = settings.Build(parse, clientOptions.Concurrency, image.Registry);
            var prober = new Prober(client, probeOptions with { Signatures = probeOptions.Signatures?.RequiredEverywhere() });
            var report = await prober.VerifyAsync(image.Repository, image.Reference, ct).ConfigureAwait(false);
            var exitCode = ProbeCommand.Emit(report, prober, parse.GetValue(settings.Output));
            return pushTarget is null ? exitCode : await pushTarget.PushAsync(ProbeMetrics.From(report), exitCode, ct).ConfigureAwait(false);
        }));
        return command;
    }
}

using System.CommandLine;
using RegistryGuard.Oci;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Options;

/// <summary>The argument and flags of <c>verify</c>, mapped onto <see cref="VerifyRunOptions"/>.</summary>
internal sealed class VerifyFlags
{
    private readonly ConnectionFlags _connection = new();
    private readonly WalkFlags _walk = new();
    private readonly SignatureFlags _signatures = new(perRepository: false);
    private readonly PushFlags _push = new(VerifyRunOptions.DefaultJob);

    public Argument<string> Reference { get; } = new("REF") { Description = "host[:port]/repository:tag or host[:port]/repository@sha256:…" };

    public Option<bool> PlainHttp { get; } = new("--plain-http") { Description = "Use http:// for a REF without a scheme (a loopback or lab registry)." };

    public Option<ReportFormat> Output { get; } = OutputFlag.Create();

    public void AddTo(Command command)
    {
        command.Add(Reference);
        command.Add(PlainHttp);
        _connection.AddTo(command);
        _walk.AddTo(command);
        _signatures.AddTo(command);
        command.Add(Output);
        _push.AddTo(command);
    }

    public VerifyRunOptions Map(ParseResult parse)
    {
        ImageReference image;
        try
        {
            image = ImageReference.Parse(parse.GetValue(Reference)!, parse.GetValue(PlainHttp));
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        var connection = _connection.Map(parse, image.Registry, tryPlainHttp: !parse.GetValue(PlainHttp) && !RegistryUrl.SchemeGiven(parse.GetValue(Reference)!));
        var push = _push.Map(parse);
        return new VerifyRunOptions(connection, image.Repository, image.Reference)
        {
            Walk = _walk.Map(parse),
            Signatures = _signatures.Map(parse),
            Push = push,
        };
    }
}

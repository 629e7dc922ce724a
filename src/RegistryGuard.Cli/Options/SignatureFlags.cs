using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Runs;
using RegistryGuard.Signatures;

namespace RegistryGuard.Cli.Options;

/// <summary>The cosign signature flags, mapped onto <see cref="SignatureSettings"/>.</summary>
/// <param name="perRepository">probe: <c>--require-signature GLOB</c> too. verify has no such flag: with a key, its one image must be signed.</param>
internal sealed class SignatureFlags(bool perRepository)
{
    public Option<string[]> CosignKey { get; } = new("--cosign-key")
    {
        Description = "Check cosign signatures with this PEM public key (cosign.pub; ECDSA P-256/P-384/P-521 or RSA). Repeatable: a signature by any key counts.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> RequireSignature { get; } = new("--require-signature")
    {
        Description = "Repositories (GLOB, repeatable) whose images must carry a valid signature: unsigned is a failure there, informational elsewhere. Needs --cosign-key.",
        Arity = ArgumentArity.OneOrMore,
    };

    public void AddTo(Command command)
    {
        command.Add(CosignKey);
        if (perRepository)
        {
            command.Add(RequireSignature);
        }
    }

    /// <summary>The settings with every key file read; a bad key file or glob is a usage error (exit 2).</summary>
    public SignatureSettings Map(ParseResult parse)
    {
        var globs = perRepository ? parse.GetValue(RequireSignature) ?? [] : [];
        foreach (var glob in globs)
        {
            if (GlobPattern.NameProblem(glob) is { } problem)
            {
                throw new UsageException($"--require-signature '{glob}' {problem}");
            }
        }

        var files = parse.GetValue(CosignKey) ?? [];
        if (files.Length == 0 && globs.Length > 0)
        {
            throw new UsageException("--require-signature needs at least one --cosign-key to check signatures with");
        }

        try
        {
            return new SignatureSettings { Keys = SignatureSettings.LoadKeys(files), Required = [.. globs.Select(g => new GlobPattern(g))] };
        }
        catch (CosignKeyException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}

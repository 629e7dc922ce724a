using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Signatures;

namespace RegistryGuard.Cli.Commands;

/// <summary>The cosign signature flags of probe and verify.</summary>
internal sealed class SignatureSettings
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
        command.Add(RequireSignature);
    }

    /// <summary>Null when no key is given (signatures are not checked). A bad key file is a usage error (exit 2).</summary>
    public SignatureOptions? Build(ParseResult parse)
    {
        var globs = parse.GetValue(RequireSignature) ?? [];
        foreach (var glob in globs)
        {
            if (GlobPattern.NameProblem(glob) is { } problem)
            {
                throw new UsageException($"--require-signature '{glob}' {problem}");
            }
        }

        var files = parse.GetValue(CosignKey) ?? [];
        if (files.Length == 0)
        {
            return globs.Length == 0 ? null : throw new UsageException("--require-signature needs at least one --cosign-key to check signatures with");
        }

        var keys = new List<CosignKey>();
        foreach (var file in files)
        {
            try
            {
                keys.Add(CosignKeyFile.Load(file));
            }
            catch (CosignKeyException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
        }

        return new SignatureOptions(keys) { Required = [.. globs.Select(g => new GlobPattern(g))] };
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;

namespace RegistryGuard.Signatures;

/// <summary>
/// Reads the public key a signer publishes (<c>cosign.pub</c> from <c>cosign generate-key-pair</c>: a PEM
/// "PUBLIC KEY", i.e. SubjectPublicKeyInfo; "RSA PUBLIC KEY" is accepted too). Private keys given by mistake are
/// refused with a message that says so; no message ever contains the file's content.
/// </summary>
public static class CosignKeyFile
{
    private const long MaxBytes = 64 * 1024;
    private const int MinRsaBits = 2048;
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";

    private static readonly string[] CosignPrivateLabels = ["ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY"];

    public static CosignKey Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new CosignKeyException($"cosign key {path}: no such file");
            }

            if (file.Length > MaxBytes)
            {
                throw new CosignKeyException($"cosign key {path}: {file.Length} bytes is not a public key file (at most {MaxBytes / 1024} KiB)");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CosignKeyException($"cosign key {path}: cannot be read ({ex.GetType().Name})", ex);
        }

        return Parse(text, path);
    }

    /// <param name="source">How the key is named in messages (the path as given).</param>
    public static CosignKey Parse(string pem, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        ArgumentNullException.ThrowIfNull(source);
        var blocks = new List<(string Label, byte[] Der)>();
        var rest = pem.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(rest.Span[fields.Base64Data], der, out _))
            {
                throw new CosignKeyException($"cosign key {source}: the {label} block is not valid base64");
            }

            blocks.Add((label, der));
            rest = rest[fields.Location.End..];
        }

        if (blocks.Count == 0)
        {
            throw new CosignKeyException($"cosign key {source}: not a PEM public key (expected -----BEGIN PUBLIC KEY-----, as in cosign.pub)");
        }

        if (blocks.FirstOrDefault(b => CosignPrivateLabels.Contains(b.Label)) is { Label: not null } cosignPrivate)
        {
            throw new CosignKeyException($"cosign key {source}: is cosign's encrypted private key ({cosignPrivate.Label}, cosign.key); give the public key, cosign.pub");
        }

        if (blocks.FirstOrDefault(b => b.Label.Contains("PRIVATE KEY", StringComparison.Ordinal)) is { Label: not null } privateKey)
        {
            throw new CosignKeyException($"cosign key {source}: is a private key ({privateKey.Label}); give the public key only");
        }

        var publicKeys = blocks.Where(b => b.Label is "PUBLIC KEY" or "RSA PUBLIC KEY").ToList();
        return publicKeys.Count switch
        {
            0 => throw new CosignKeyException($"cosign key {source}: holds a {blocks[0].Label}, not a PUBLIC KEY"),
            > 1 => throw new CosignKeyException($"cosign key {source}: holds {publicKeys.Count} public keys; give each with its own --cosign-key"),
            _ => publicKeys[0].Label == "RSA PUBLIC KEY" ? FromPkcs1Rsa(publicKeys[0].Der, source) : FromSubjectPublicKeyInfo(publicKeys[0].Der, source),
        };
    }

    private static CosignKey FromSubjectPublicKeyInfo(byte[] der, string source)
    {
        string algorithm;
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            algorithm = info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException ex)
        {
            throw new CosignKeyException($"cosign key {source}: the PUBLIC KEY block is not a SubjectPublicKeyInfo", ex);
        }

        try
        {
            switch (algorithm)
            {
                case EcPublicKeyOid:
                    using (var ecdsa = ECDsa.Create())
                    {
                        ecdsa.ImportSubjectPublicKeyInfo(der, out var read);
                        RequireWhole(read, der, source);
                        return new CosignKey(CurveOf(ecdsa, source), der, source);
                    }

                case RsaOid:
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportSubjectPublicKeyInfo(der, out var read);
                        RequireWhole(read, der, source);
                        return Rsa(rsa, source);
                    }

                default:
                    throw new CosignKeyException($"cosign key {source}: key algorithm {Describe(algorithm)} is not supported (ECDSA P-256, P-384, P-521 or RSA)");
            }
        }
        catch (CryptographicException ex)
        {
            throw new CosignKeyException($"cosign key {source}: the public key is malformed", ex);
        }
    }

    private static CosignKey FromPkcs1Rsa(byte[] der, string source)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportRSAPublicKey(der, out var read);
            RequireWhole(read, der, source);
            return Rsa(rsa, source);
        }
        catch (CryptographicException ex)
        {
            throw new CosignKeyException($"cosign key {source}: the RSA PUBLIC KEY block is malformed", ex);
        }
    }

    private static CosignKey Rsa(RSA rsa, string source) =>
        rsa.KeySize < MinRsaBits
            ? throw new CosignKeyException($"cosign key {source}: a {rsa.KeySize}-bit RSA key is too weak to trust (at least {MinRsaBits} bits)")
            : new CosignKey(CosignKeyType.Rsa, rsa.ExportSubjectPublicKeyInfo(), source);

    private static CosignKeyType CurveOf(ECDsa ecdsa, string source) => ecdsa.ExportParameters(includePrivateParameters: false).Curve.Oid.Value switch
    {
        "1.2.840.10045.3.1.7" => CosignKeyType.EcdsaP256,
        "1.3.132.0.34" => CosignKeyType.EcdsaP384,
        "1.3.132.0.35" => CosignKeyType.EcdsaP521,
        var other => throw new CosignKeyException($"cosign key {source}: elliptic curve {other ?? "(unnamed)"} is not supported (P-256, P-384 or P-521)"),
    };

    private static void RequireWhole(int read, byte[] der, string source)
    {
        if (read != der.Length)
        {
            throw new CosignKeyException($"cosign key {source}: trailing bytes after the public key");
        }
    }

    private static string Describe(string oid) => oid switch
    {
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        _ => oid,
    };
}

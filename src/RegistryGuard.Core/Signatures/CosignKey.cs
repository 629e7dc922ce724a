using System.Security.Cryptography;

namespace RegistryGuard.Signatures;

/// <summary>
/// A public key that image signatures are checked against. Only its SubjectPublicKeyInfo is held; reports name it by
/// <see cref="Fingerprint"/>, never by its bytes.
/// </summary>
public sealed class CosignKey
{
    private readonly byte[] _subjectPublicKeyInfo;

    internal CosignKey(CosignKeyType type, byte[] subjectPublicKeyInfo, string source)
    {
        Type = type;
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        Source = source;
        Fingerprint = "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];
    }

    public CosignKeyType Type { get; }

    /// <summary>Where the key came from (the file as given), for messages.</summary>
    public string Source { get; }

    /// <summary>The first 16 hex characters of the sha256 of the DER SubjectPublicKeyInfo
    /// (<c>openssl pkey -pubin -outform DER | sha256sum</c>).</summary>
    public string Fingerprint { get; }

    public string Algorithm => Type switch
    {
        CosignKeyType.EcdsaP256 => "ECDSA P-256",
        CosignKeyType.EcdsaP384 => "ECDSA P-384",
        CosignKeyType.EcdsaP521 => "ECDSA P-521",
        _ => "RSA",
    };

    public override string ToString() => $"{Algorithm} {Fingerprint}";

    /// <summary>
    /// Whether <paramref name="signature"/> (ASN.1 DER for ECDSA, PKCS#1 v1.5 for RSA, as cosign writes them) signs
    /// <paramref name="payload"/>. SHA-256 is cosign's digest for every key type; P-384 and P-521 also accept the
    /// curve's own digest (SHA-384, SHA-512), which newer cosign releases choose for those keys.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        try
        {
            if (Type == CosignKeyType.Rsa)
            {
                using var rsa = RSA.Create();
                rsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
                return rsa.VerifyData(payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }

            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
            if (ecdsa.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return true;
            }

            return Type switch
            {
                CosignKeyType.EcdsaP384 => ecdsa.VerifyData(payload, signature, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence),
                CosignKeyType.EcdsaP521 => ecdsa.VerifyData(payload, signature, HashAlgorithmName.SHA512, DSASignatureFormat.Rfc3279DerSequence),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false; // a signature that is not even well-formed verifies nothing
        }
    }
}

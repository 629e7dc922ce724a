using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using RegistryGuard.Oci;

namespace RegistryGuard.Signatures;

/// <summary>Reads the claims of a simple signing payload; every defect is a reason, never an exception.</summary>
public static class PayloadReader
{
    public static bool TryRead(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out PayloadClaims? claims, [NotNullWhen(false)] out string? problem)
    {
        claims = null;
        SimpleSigningPayload? document;
        try
        {
            document = JsonSerializer.Deserialize(payload, SignatureJsonContext.Default.SimpleSigningPayload);
        }
        catch (JsonException ex)
        {
            problem = "payload is not a simple signing document" + (ex.LineNumber is { } line ? $" (JSON error at line {line + 1})" : "");
            return false;
        }

        if (document?.Critical is not { } critical)
        {
            problem = "payload has no 'critical' section";
            return false;
        }

        if (critical.Image?.DockerManifestDigest is not { } digestText)
        {
            problem = "payload has no critical.image.docker-manifest-digest";
            return false;
        }

        if (!Digest.TryParse(digestText, out var digest))
        {
            problem = "payload's critical.image.docker-manifest-digest is not a digest";
            return false;
        }

        if (critical.Type is not { } type)
        {
            problem = "payload has no critical.type";
            return false;
        }

        claims = new PayloadClaims(digest, type, critical.Identity?.DockerReference);
        problem = null;
        return true;
    }
}

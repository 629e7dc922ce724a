using System.Text.Json.Serialization;

namespace RegistryGuard.Signatures;

/// <summary>What the signer called the image (<c>registry/repo</c>, sometimes with a tag); informational only.</summary>
internal sealed record PayloadIdentity([property: JsonPropertyName("docker-reference")] string? DockerReference);

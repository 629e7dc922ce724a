using System.Text.Json.Serialization;

namespace RegistryGuard.Signatures;

internal sealed record PayloadImage([property: JsonPropertyName("docker-manifest-digest")] string? DockerManifestDigest);

using System.Text.Json.Serialization;

namespace RegistryGuard.Signatures;

internal sealed record PayloadCritical(
    [property: JsonPropertyName("identity")] PayloadIdentity? Identity,
    [property: JsonPropertyName("image")] PayloadImage? Image,
    [property: JsonPropertyName("type")] string? Type);

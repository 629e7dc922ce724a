using System.Text.Json.Serialization;

namespace RegistryGuard.Signatures;

/// <summary>The signed document of a cosign image signature (the "simple signing" format). <c>optional</c> is not read.</summary>
internal sealed record SimpleSigningPayload([property: JsonPropertyName("critical")] PayloadCritical? Critical);

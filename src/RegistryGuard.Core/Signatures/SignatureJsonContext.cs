using System.Text.Json.Serialization;

namespace RegistryGuard.Signatures;

/// <summary>
/// Source-generated (AOT-safe) reading of the payload. Duplicate properties are refused: a payload saying two
/// things about its digest must not be read one way here and another way by a verifier elsewhere.
/// </summary>
[JsonSourceGenerationOptions(AllowDuplicateProperties = false, MaxDepth = 16)]
[JsonSerializable(typeof(SimpleSigningPayload))]
internal sealed partial class SignatureJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace RegistryGuard.Cli.Serve;

/// <summary>Source-generated serializer for /status: the native build has no reflection-based JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ServeStatus))]
internal sealed partial class ServeStatusJson : JsonSerializerContext;

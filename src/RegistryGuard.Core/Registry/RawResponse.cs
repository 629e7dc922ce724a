using System.Net;

namespace RegistryGuard.Registry;

/// <summary>An answer taken as it is: its status and the start of its body (empty for a success).</summary>
public sealed record RawResponse(HttpStatusCode Status, ReadOnlyMemory<byte> Body);

namespace RegistryGuard.Scanning;

/// <param name="Hex">The sha256 hex the link names, when <see cref="State"/> is <see cref="LinkState.Valid"/>.</param>
/// <param name="Problem">Why it is not valid, for the finding's detail.</param>
internal readonly record struct LinkRead(LinkState State, string? Hex, string? Problem);

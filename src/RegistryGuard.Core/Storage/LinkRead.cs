namespace RegistryGuard.Storage;

/// <param name="Hex">The sha256 hex the link names, when <see cref="State"/> is <see cref="LinkState.Valid"/>.</param>
/// <param name="Problem">Why it is not valid, for the finding's detail.</param>
/// <param name="Modified">The link file's modification time (UTC), when it was asked for and the file was read.</param>
internal readonly record struct LinkRead(LinkState State, string? Hex, string? Problem, DateTime? Modified = null);

using RegistryGuard.Findings;

namespace RegistryGuard.Probing;

/// <summary>A problem with one object itself, before it is attributed to the tags and parents that reach it.</summary>
internal readonly record struct Issue(FindingKind Kind, string Detail);

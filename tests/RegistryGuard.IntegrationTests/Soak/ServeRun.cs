namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>One run of a serve job as its log tells it: the lines it started and finished on, and how it ended.</summary>
internal sealed record ServeRun(string Job, int StartLine, int FinishLine, int ExitCode, string Result, string Summary);

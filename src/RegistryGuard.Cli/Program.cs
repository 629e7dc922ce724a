using RegistryGuard.Cli;
using RegistryGuard.Cli.Terminal;

return VersionShortcut.Applies(args) ? VersionShortcut.Print() : await CliApp.RunAsync(args).ConfigureAwait(false);

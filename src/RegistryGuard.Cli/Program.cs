using RegistryGuard.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);

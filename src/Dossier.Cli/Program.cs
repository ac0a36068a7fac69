using Dossier.Cli;

return await DossierCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

using Dossier.Cli;

// No regular expression may run for ever on hostile text: a pattern cannot look at a document's
// clock, so every match the process makes (the source-generated ones included, which read this
// once when first used) stops after this long, and the document fails alone (LimitExceeded).
AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(10));

return await DossierCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

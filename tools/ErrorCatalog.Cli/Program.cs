using System;
using System.IO;
using ErrorCatalog.Cli;

return Cli.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());

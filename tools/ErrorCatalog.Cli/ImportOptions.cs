using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Cli
{
    /// <summary><c>errcat import</c>'s options, every check of them in one place (<see cref="From"/>).</summary>
    internal sealed record ImportOptions(string Table, string Catalog, string? Namespace, string? Culture, string? Neutral, string? Output, bool Merge, bool Force, bool KeepPrintf)
    {
        /// <summary>The options given, or a <see cref="UsageException"/> naming what is wrong with them.</summary>
        public static ImportOptions From(Arguments args)
        {
            var options = new ImportOptions(
                args.SinglePositional("TABLE.txt"),
                args.Required("--catalog"),
                args.Optional("--namespace"),
                args.Optional("--culture"),
                args.Optional("--neutral"),
                args.Optional("-o"),
                args.Flag("--merge"),
                args.Flag("--force"),
                args.Flag("--keep-printf"));
            options.Check();
            return options;
        }

        private void Check()
        {
            if (!Identifiers.IsValidIdentifier(Catalog))
            {
                throw new UsageException($"'{Catalog}' is not a valid catalog name (a C# identifier such as CodeArtsReq)");
            }

            if (Namespace != null && !Identifiers.IsValidNamespace(Namespace))
            {
                throw new UsageException($"'{Namespace}' is not a valid namespace");
            }

            if (Culture == null && Neutral != null)
            {
                throw new UsageException("--neutral needs --culture");
            }

            if (Merge && Force)
            {
                throw new UsageException("--merge and --force exclude each other");
            }

            if ((Merge || Force) && Output == null)
            {
                throw new UsageException($"{(Merge ? "--merge" : "--force")} needs -o FILE");
            }

            if (Culture != null && !OverlayValidator.IsValidCultureName(Culture))
            {
                throw new UsageException($"'{Culture}' is not a culture name (such as zh-CN, zh or de)");
            }
        }
    }
}

using System.IO;
using ErrorCatalog.Core.Import;

namespace ErrorCatalog.Cli
{
    /// <summary>
    /// <c>errcat schema</c>: the catalog format's JSON Schema (embedded from <c>build/errorcatalog.schema.json</c>),
    /// to standard output or into a folder beside catalogs, where the modeline of every catalog errcat writes
    /// (<see cref="CatalogYamlWriter.SchemaModeline"/>) finds it. A schema file that differs is replaced only with
    /// <c>--force</c>.
    /// </summary>
    public static partial class Cli
    {
        /// <summary>The schema's text, as the package ships it.</summary>
        internal static string SchemaText()
        {
            using Stream stream = typeof(Cli).Assembly.GetManifestResourceStream(CatalogYamlWriter.SchemaFileName)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        private static int Schema(Arguments args, TextWriter stdout, TextWriter stderr, string cwd)
        {
            string? folder = args.Optional("-o");
            if (folder == null)
            {
                stdout.Write(SchemaText());
                return Ok;
            }

            return WriteSchemaBeside(Path.Combine(cwd, folder, CatalogYamlWriter.SchemaFileName), args.Flag("--force"), stderr) ? Ok : UsageError;
        }

        /// <summary>Writes the schema file at <paramref name="path"/> unless it is there already; a different one is kept, and reported, unless <paramref name="force"/>.</summary>
        internal static bool WriteSchemaBeside(string path, bool force, TextWriter stderr)
        {
            string schema = SchemaText();
            if (File.Exists(path))
            {
                if (File.ReadAllText(path) == schema)
                {
                    return true;
                }

                if (!force)
                {
                    stderr.WriteLine($"errcat: {path} differs from this errcat's schema and was left as it is (--force replaces it).");
                    return false;
                }
            }

            return Write(path, path, schema, stderr);
        }
    }
}

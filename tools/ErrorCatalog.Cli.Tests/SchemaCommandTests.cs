using System;
using System.IO;
using Xunit;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// The schema reaches a package user's catalogs: <c>errcat schema</c> writes the repository's schema, and
    /// <c>errcat import</c> writes new files with the modeline and the schema beside them, never replacing a
    /// schema that differs unless asked.
    /// </summary>
    public class SchemaCommandTests
    {
        private static readonly string s_schema = File.ReadAllText(Path.Combine(CliTests.Root(), "build", "errorcatalog.schema.json"));

        [Fact]
        public void Errcat_schema_writes_the_repositorys_schema_and_keeps_one_that_differs_unless_forced()
        {
            string dir = CliTests.Temp();
            (int printed, string stdout, _) = CliTests.Run(dir, "schema");
            Assert.Equal(0, printed);
            Assert.Equal(s_schema, stdout);

            Assert.Equal(0, CliTests.Run(dir, "schema", "-o", "catalog").Exit);
            string written = Path.Combine(dir, "catalog", "errorcatalog.schema.json");
            Assert.Equal(s_schema, File.ReadAllText(written));
            Assert.Equal(0, CliTests.Run(dir, "schema", "-o", "catalog").Exit); // the same file again: nothing to say

            File.WriteAllText(written, "{ \"mine\": true }");
            (int kept, _, string stderr) = CliTests.Run(dir, "schema", "-o", "catalog");
            Assert.Equal(2, kept);
            Assert.Contains("differs from this errcat's schema and was left as it is (--force replaces it)", stderr, StringComparison.Ordinal);
            Assert.Equal("{ \"mine\": true }", File.ReadAllText(written));
            Assert.Equal(0, CliTests.Run(dir, "schema", "-o", "catalog", "--force").Exit);
            Assert.Equal(s_schema, File.ReadAllText(written));
        }

        [Fact]
        public void Import_writes_the_modeline_and_the_schema_beside_a_new_catalog_and_overlay()
        {
            string root = CliTests.Root();
            string dir = CliTests.Temp();
            string table = Path.Combine(root, "catalog", "codearts-req-error-codes.txt");
            Assert.Equal(0, CliTests.Run(dir, "import", table, "--catalog", "CodeArtsReq", "-o", "errors/codearts-req.errors.yaml").Exit);
            Assert.StartsWith("# yaml-language-server: $schema=errorcatalog.schema.json\n", File.ReadAllText(Path.Combine(dir, "errors", "codearts-req.errors.yaml")), StringComparison.Ordinal);
            Assert.Equal(s_schema, File.ReadAllText(Path.Combine(dir, "errors", "errorcatalog.schema.json")));

            // A schema of the user's own stays; the import still writes its file, and says why the schema was kept.
            File.WriteAllText(Path.Combine(dir, "errors", "errorcatalog.schema.json"), "{}");
            (int exit, _, string stderr) = CliTests.Run(dir, "import", Path.Combine(root, "catalog", "codearts-req-error-codes.zh-CN.txt"), "--catalog", "CodeArtsReq", "--culture", "zh-CN", "-o", "errors/codearts-req.zh-CN.errors.yaml");
            Assert.Equal(0, exit);
            Assert.StartsWith("# yaml-language-server: $schema=errorcatalog.schema.json\n", File.ReadAllText(Path.Combine(dir, "errors", "codearts-req.zh-CN.errors.yaml")), StringComparison.Ordinal);
            Assert.Equal("{}", File.ReadAllText(Path.Combine(dir, "errors", "errorcatalog.schema.json")));
            Assert.Contains("errorcatalog.schema.json differs from this errcat's schema and was left as it is", stderr, StringComparison.Ordinal);
        }
    }
}

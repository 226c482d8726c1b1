using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Model;
using ErrorCatalog.TestSupport;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>The YAML catalog is a faithful transcription of the documentation table it came from.</summary>
    public class CatalogTableTests
    {
        private static readonly IReadOnlyList<ErrorTableRow> s_table = ErrorTable.Read(ErrorTable.CatalogFile("codearts-req-error-codes.txt"));

        private static CatalogModel LoadCatalog()
        {
            string path = ErrorTable.CatalogFile("codearts-req.errors.yaml");
            CatalogParseResult result = CatalogCompiler.Parse(path, File.ReadAllText(path));
            Assert.Empty(result.Diagnostics);
            Assert.NotNull(result.Model);
            return result.Model!;
        }

        [Fact]
        public void The_table_has_54_rows()
        {
            Assert.Equal(54, s_table.Count);
        }

        [Fact]
        public void Every_row_of_the_table_matches_the_yaml_byte_for_byte_in_order()
        {
            CatalogModel catalog = LoadCatalog();
            Assert.Equal("CodeArtsReq", catalog.CatalogName);
            Assert.Equal("HuaweiCloud.CodeArtsReq", catalog.Namespace);
            Assert.Equal(s_table.Count, catalog.Entries.Count);
            for (int i = 0; i < s_table.Count; i++)
            {
                ErrorTableRow row = s_table[i];
                ErrorEntry entry = catalog.Entries[i];
                Assert.Equal(row.Code, entry.Code);
                Assert.Equal(row.Status, entry.HttpStatus);
                Assert.Equal(row.Message, entry.MessageTemplate);
                Assert.Equal(row.Description, entry.Description);
                Assert.Equal(row.Solution, entry.Solution);
            }
        }

        [Fact]
        public void Every_entry_has_a_curated_short_name()
        {
            string text = File.ReadAllText(ErrorTable.CatalogFile("codearts-req.errors.yaml"));
            CatalogModel catalog = LoadCatalog();
            foreach (ErrorEntry entry in catalog.Entries)
            {
                Assert.Contains($"name: {entry.Name}\n", text.Replace("\r\n", "\n"));
                Assert.InRange(entry.Name.Length, 6, 40);
            }

            Assert.Equal(catalog.Entries.Count, catalog.Entries.Select(e => e.Name).Distinct().Count());
        }

        [Fact]
        public void The_four_placeholder_messages_have_named_parameters()
        {
            CatalogModel catalog = LoadCatalog();
            var withParameters = catalog.Entries.Where(e => e.ParameterCount > 0)
                .ToDictionary(e => e.Code, e => string.Join(",", e.ParameterNames));
            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["PM.02175006"] = "parameter",
                    ["PM.02175101"] = "limit",
                    ["PM.02175200"] = "field",
                    ["PM.02175201"] = "field,value",
                },
                withParameters);
        }
    }
}

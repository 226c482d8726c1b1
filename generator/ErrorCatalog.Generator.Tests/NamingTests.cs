using System;
using System.IO;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Validation;
using ErrorCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    public class NamingTests
    {
        [Theory]
        [InlineData("The target user is not a member of the project.", "TheTargetUserIsNotAMemberOfTheProject")]
        [InlineData("Field {0} has invalid value {1}.", "FieldHasInvalidValue")]
        [InlineData("500 characters max", "Error500CharactersMax")]
        [InlineData("don't stop", "DontStop")]
        [InlineData("class", "Class")]
        [InlineData("!!!", "")]
        [InlineData("Ünïcödé wörds", "NCDWRds")]
        public void Names_are_derived_from_messages(string message, string expected)
        {
            Assert.Equal(expected, Identifiers.DeriveFromText(message));
        }

        [Fact]
        public void Long_messages_are_cut_at_a_word_boundary()
        {
            string name = Identifiers.DeriveFromText("Invalid users are listed in the parameters for modifying the permissions to create programs.");
            Assert.Equal("InvalidUsersAreListedInTheParametersForModifyingThePermissionsTo", name);
            Assert.True(name.Length <= 64);
        }

        [Fact]
        public void Derived_names_are_unique_valid_and_avoid_generated_members_for_any_text()
        {
            const string yaml = @"catalog: Names
errors:
  - { code: N.1, status: 400, message: 'Invalid name.' }
  - { code: N.2, status: 400, message: 'Invalid name!' }
  - { code: N.3, status: 400, message: 'Invalid name?' }
  - { code: N.4, status: 400, message: '123' }
  - { code: N.5, status: 400, message: '!!!' }
  - { code: N.6, status: 400, message: 'All' }
  - { code: N.7, status: 400, message: 'Try get' }
  - { code: N.8, status: 400, message: 'Names errors' }
  - { code: N.9, status: 400, message: 'To string' }
  - { code: N.10, status: 400, message: 'Format invalid name {0}' }
  - { code: N.11, status: 400, message: 'Invalid name {0}' }
  - { code: N-11, status: 400, message: 'Invalid name {0}' }
  - { code: N.12, status: 400, message: 'Format invalid name' }
";
            CatalogParseResult result = CatalogCompiler.Parse("names.errors.yaml", yaml);
            Assert.Empty(result.Diagnostics);
            string[] names = result.Model!.Entries.Select(e => e.Name).ToArray();
            Assert.Equal(
                new[]
                {
                    "InvalidName", "InvalidName_N_2", "InvalidName_N_3", "Error123", "ErrorN_5", "All_N_6", "TryGet_N_7",
                    "NamesErrors_N_8", "ToString_N_9", "FormatInvalidName", "InvalidName_N_11", "InvalidName_N_11_2", "FormatInvalidName_N_12",
                },
                names);
            Assert.All(names, n => Assert.True(Identifiers.IsValidIdentifier(n), n));
        }

        [Theory]
        [InlineData(TargetProfile.Net80Nullable)]
        [InlineData(TargetProfile.NetStandard20CSharp73)]
        public void Every_member_the_generator_adds_to_the_errors_class_is_reserved_and_a_message_named_like_one_still_compiles(TargetProfile profile)
        {
            // Each profile compiles its own branch of the generated code (FrozenDictionary on .NET 8+, a Dictionary elsewhere).
            const string yaml = @"catalog: Names
errors:
  - { code: N.1, status: 400, message: 'Item {0} was not found.' }
  - { code: N.2, status: 404, message: 'Gone' }
";
            GeneratorResult result = GeneratorHarness.Run(yaml, profile);
            Type errors = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.NamesErrors")!;
            string[] perEntry = { "ItemWasNotFound", "FormatItemWasNotFound", "Gone" };
            var helpers = errors.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => m.Name)
                .Where(n => !n.StartsWith("get_", StringComparison.Ordinal) && !n.StartsWith("<", StringComparison.Ordinal) && n != ".cctor")
                .Except(perEntry)
                .Distinct()
                .ToList();
            Assert.Contains("CreateAll", helpers);
            Assert.All(helpers, name => Assert.Contains(name, GeneratedMembers.Reserved));

            // Messages whose derived names would be those helpers get other names, and the code compiles.
            string clashing = "catalog: Names\nerrors:\n" + string.Concat(GeneratedMembers.Reserved.Select((name, i) =>
                $"  - {{ code: R.{i}, status: 400, message: '{System.Text.RegularExpressions.Regex.Replace(name, "(?<!^)([A-Z])", " $1")}' }}\n"));
            GeneratorResult compiled = GeneratorHarness.Run(clashing, profile);
            Assert.Empty(compiled.GeneratorDiagnostics);
            Assert.Empty(compiled.CompilationDiagnostics);
        }

        [Theory]
        [InlineData("Valid", true)]
        [InlineData("_x1", true)]
        [InlineData("Ünïcode", true)]
        [InlineData("1abc", false)]
        [InlineData("class", false)]
        [InlineData("a-b", false)]
        [InlineData("", false)]
        public void Identifier_rules(string text, bool valid)
        {
            Assert.Equal(valid, Identifiers.IsValidIdentifier(text));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>The pipeline caches: an edit that does not touch a catalog does no catalog work.</summary>
    public class IncrementalTests
    {
        private const string CatalogA = "catalog: Alpha\nerrors:\n  - code: A.1\n    status: 404\n    message: Alpha {0} missing.\n";
        private const string CatalogB = "catalog: Beta\nerrors:\n  - code: B.1\n    status: 409\n    message: Beta conflict.\n";

        private static readonly IReadOnlyList<string> s_trackedSteps = IncrementalChecks.TrackedSteps;

        /// <summary>A tracking-name class with one step more than the generator's, as if a step had just been added.</summary>
        private static class NamesWithANewStep
        {
            public const string Settings = TrackingNames.Settings;
            public const string NewStep = "ErrorCatalog.NewStep";
            public static readonly string NotAConstant = "ignored";
        }

        [Fact]
        public void The_checked_steps_are_every_tracking_name_so_a_new_step_is_picked_up()
        {
            Assert.Equal(
                new[] { TrackingNames.Catalogs, TrackingNames.Conflicts, TrackingNames.Cultures, TrackingNames.Frameworks, TrackingNames.Libraries, TrackingNames.Output, TrackingNames.ProjectInputs, TrackingNames.Settings, TrackingNames.Translations },
                IncrementalChecks.TrackedSteps);
            Assert.Equal(new[] { "ErrorCatalog.NewStep", TrackingNames.Settings }, IncrementalChecks.StepNames(typeof(NamesWithANewStep)));

            // Every name is a step the generator really tracks (a run with a catalog and an overlay reaches them all).
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "class A { }");
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, new AdditionalText[]
            {
                new InMemoryAdditionalText("/p/a.errors.yaml", CatalogA),
                new InMemoryAdditionalText("/p/a.zh-CN.errors.yaml", "catalog: Alpha\nculture: zh-CN\nerrors:\n  - code: A.1\n    message: 阿尔法 {0} 不见了。\n"),
            });
            GeneratorRunResult run = driver.RunGenerators(compilation).GetRunResult().Results.Single();
            Assert.All(IncrementalChecks.TrackedSteps, step => Assert.True(run.TrackedSteps.ContainsKey(step), $"step {step} is not tracked by the generator"));
        }

        [Fact]
        public void Editing_an_unrelated_csharp_file_leaves_every_step_cached_or_unchanged()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "class A { }", "class B { }");
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, new AdditionalText[]
            {
                new InMemoryAdditionalText("/p/a.errors.yaml", CatalogA),
                new InMemoryAdditionalText("/p/b.errors.yml", CatalogB),
                new InMemoryAdditionalText("/p/other.yaml", "not: a catalog"),
            });
            driver = driver.RunGenerators(compilation);
            GeneratorRunResult first = driver.GetRunResult().Results.Single();
            Assert.Equal(12, first.GeneratedSources.Length);

            SyntaxTree old = compilation.SyntaxTrees.First();
            CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText("class A { int x; }", (CSharpParseOptions)old.Options, old.FilePath));
            driver = driver.RunGenerators(edited);
            GeneratorRunResult second = driver.GetRunResult().Results.Single();

            foreach (string step in s_trackedSteps)
            {
                Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
                IEnumerable<IncrementalStepRunReason> reasons = second.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);
                Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
            }

            Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
                output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        private const string OverlayB = "catalog: Beta\nculture: zh-CN\nerrors:\n  - code: B.1\n    message: 贝塔冲突。\n";

        /// <summary>
        /// The untouched catalog's emit does not run at all (<see cref="IncrementalStepRunReason.Cached"/>; a run
        /// whose output came out equal would say <see cref="IncrementalStepRunReason.Unchanged"/>), whether the
        /// other catalog or the other catalog's overlay is edited: each catalog meets only its own translations.
        /// </summary>
        [Theory]
        [InlineData("/p/b.errors.yaml")]
        [InlineData("/p/b.zh-CN.errors.yaml")]
        public void Editing_one_catalog_or_its_overlay_regenerates_only_that_catalog(string edited)
        {
            var texts = new List<AdditionalText>
            {
                new InMemoryAdditionalText("/p/a.errors.yaml", CatalogA),
                new InMemoryAdditionalText("/p/b.errors.yaml", CatalogB),
                new InMemoryAdditionalText("/p/b.zh-CN.errors.yaml", OverlayB),
            };
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "class A { }");
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, texts);
            driver = driver.RunGenerators(compilation);

            AdditionalText old = texts.Single(t => t.Path == edited);
            string text = old.GetText()!.ToString();
            var replacement = new InMemoryAdditionalText(edited, text.Contains("Beta conflict.") ? text.Replace("Beta conflict.", "Beta conflicts.") : text.Replace("贝塔冲突。", "贝塔发生冲突。"));
            driver = driver.ReplaceAdditionalText(old, replacement).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            // The Output step's runs in pipeline order: one per catalog file (the overlay's emits nothing).
            var outputs = result.TrackedSteps[TrackingNames.Output].Select(s => (Catalog: (((TranslatedCatalog, ProjectInputs))s.Inputs[0].Source.Outputs[s.Inputs[0].OutputIndex].Value).Item1.Catalog.FilePath, s.Outputs.Single().Reason)).ToList();
            Assert.Equal(IncrementalStepRunReason.Cached, outputs.Single(o => o.Catalog == "/p/a.errors.yaml").Reason);
            Assert.Equal(IncrementalStepRunReason.Modified, outputs.Single(o => o.Catalog == "/p/b.errors.yaml").Reason);
            string expected = edited.EndsWith("zh-CN.errors.yaml", System.StringComparison.Ordinal) ? "贝塔发生冲突。" : "Beta conflicts.";
            Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains(expected, System.StringComparison.Ordinal));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// Typed formatter parameters and culture overlays (<c>NAME.&lt;culture&gt;.errors.yaml</c>), at the
    /// generator: the signatures, the texts against string.Format on every target profile, the overlay
    /// diagnostics at their lines, and output that depends neither on file order nor on the current culture.
    /// </summary>
    public class CultureTests
    {
        private const string Neutral =
            "catalog: Shop\n" +
            "errors:\n" +
            "  - code: S.1\n" +
            "    status: 400\n" +
            "    name: TooMany\n" +
            "    message: 'At most {0} items, you sent {1}.'\n" +
            "    parameters: [{ name: limit, type: int }, { name: sent, type: long }]\n" +
            "    description: Too many items.\n" +
            "    solution: Send fewer items.\n" +
            "  - code: S.2\n" +
            "    status: 402\n" +
            "    name: Insufficient\n" +
            "    message: 'Balance {balance:N2} is below {price:N2} at {when:yyyy-MM-dd}.'\n" +
            "    parameters:\n" +
            "      - name: balance\n" +
            "        type: decimal\n" +
            "      - { name: price, type: double }\n" +
            "      - { name: when, type: DateTimeOffset }\n" +
            "    description: Not enough money.\n" +
            "  - code: S.3\n" +
            "    status: 404\n" +
            "    name: Missing\n" +
            "    message: 'Item {0} ({1}) not found; retry {2}, after {3}, flag {4}, id {5}, note {6}.'\n" +
            "    parameters: [{ name: item, type: string }, { name: at, type: DateTime }, { name: retry, type: bool }, { name: after, type: TimeSpan }, { name: flag, type: object }, { name: id, type: Guid }, note]\n" +
            "  - code: S.4\n" +
            "    status: 500\n" +
            "    name: Broken\n" +
            "    message: Internal error.\n" +
            "    solution: Try again later.\n";

        private const string ZhCn =
            "catalog: Shop\n" +
            "culture: zh-CN\n" +
            "errors:\n" +
            "  - code: S.1\n" +
            "    message: '最多 {0} 项，您发送了 {1} 项。'\n" +
            "    description: 项目太多。\n" +
            "  - code: S.2\n" +
            "    message: '{when:yyyy-MM-dd} 时余额 {balance:N2} 低于 {price:N2}。'\n" +
            "  - code: S.4\n" +
            "    solution: 请稍后重试。\n";

        private const string Zh =
            "catalog: Shop\n" +
            "culture: zh\n" +
            "errors:\n" +
            "  - code: S.1\n" +
            "    solution: 少发送一些项目。\n" +
            "  - code: S.4\n" +
            "    description: 内部错误。\n";

        private static IEnumerable<AdditionalText> Files(params (string Path, string Text)[] files)
            => files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text));

        private static readonly (string, string)[] s_all =
        {
            ("/p/shop.errors.yaml", Neutral), ("/p/shop.zh-CN.errors.yaml", ZhCn), ("/p/shop.zh.errors.yaml", Zh),
        };

        public static IEnumerable<object[]> Profiles => GeneratedCodeTests.Profiles;

        [Theory]
        [MemberData(nameof(Profiles))]
        public void Typed_formatters_take_their_types_and_format_like_string_Format(TargetProfile profile)
        {
            GeneratorResult result = GeneratorHarness.Run(Files(("/p/shop.errors.yaml", Neutral)), profile);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.DoesNotContain(result.Sources, s => s.HintName.EndsWith(".Cultures.g.cs", StringComparison.Ordinal));
            Type errors = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.ShopErrors")!;

            MethodInfo tooMany = errors.GetMethod("FormatTooMany")!;
            Assert.Equal(new[] { typeof(int), typeof(long) }, tooMany.GetParameters().Select(p => p.ParameterType));
            MethodInfo insufficient = errors.GetMethod("FormatInsufficient")!;
            Assert.Equal(new[] { typeof(decimal), typeof(double), typeof(DateTimeOffset) }, insufficient.GetParameters().Select(p => p.ParameterType));
            MethodInfo missing = errors.GetMethod("FormatMissing")!;
            Assert.Equal(new[] { typeof(string), typeof(DateTime), typeof(bool), typeof(TimeSpan), typeof(object), typeof(Guid), typeof(object) }, missing.GetParameters().Select(p => p.ParameterType));

            foreach (int limit in new[] { 0, 7, -12, int.MaxValue, int.MinValue })
            {
                object[] args = { limit, (long)limit * 3 };
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, "At most {0} items, you sent {1}.", args), tooMany.Invoke(null, args));
            }

            object[] money = { 1234567.891m, -0.5, new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.FromHours(8)) };
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "Balance {0:N2} is below {1:N2} at {2:yyyy-MM-dd}.", money), insufficient.Invoke(null, money));
            object?[] mixed = { null, new DateTime(2026, 1, 2, 3, 4, 5), true, TimeSpan.FromMinutes(90), 4.5, Guid.Empty, new string('n', 400) };
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "Item {0} ({1}) not found; retry {2}, after {3}, flag {4}, id {5}, note {6}.", mixed), missing.Invoke(null, mixed));
        }

        [Theory]
        [MemberData(nameof(Profiles))]
        public void Overlays_give_each_culture_its_texts_falling_back_through_parents(TargetProfile profile)
        {
            GeneratorResult result = GeneratorHarness.Run(Files(s_all), profile);
            Assert.All(result.GeneratorDiagnostics, d => Assert.Equal(DiagnosticIds.OverlayCoverage, d.Id));
            Assert.Empty(result.CompilationDiagnostics);
            Type errors = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.ShopErrors")!;
            Assert.Equal(new[] { "zh", "zh-CN" }, (IEnumerable<string>)errors.GetProperty("Cultures")!.GetValue(null)!);

            object tooMany = errors.GetProperty("TooMany")!.GetValue(null)!;
            object broken = errors.GetProperty("Broken")!.GetValue(null)!;
            string Text(object error, string method, CultureInfo? culture)
                => (string)error.GetType().GetMethod(method)!.Invoke(error, new object?[] { culture })!;

            var zhCn = new CultureInfo("zh-CN");
            var zhHansCn = new CultureInfo("zh-Hans-CN"); // parents zh-Hans, zh: not zh-CN
            Assert.Equal("最多 {0} 项，您发送了 {1} 项。", Text(tooMany, "GetMessageTemplate", zhCn));
            Assert.Equal("At most {0} items, you sent {1}.", Text(tooMany, "GetMessageTemplate", zhHansCn));
            Assert.Equal("项目太多。", Text(tooMany, "GetDescription", zhCn));
            Assert.Equal("少发送一些项目。", Text(tooMany, "GetSolution", zhCn)); // zh-CN has none: its parent zh's
            Assert.Equal("少发送一些项目。", Text(tooMany, "GetSolution", zhHansCn));
            Assert.Equal("Too many items.", Text(tooMany, "GetDescription", zhHansCn));
            Assert.Equal("请稍后重试。", Text(broken, "GetSolution", zhCn));
            Assert.Equal("内部错误。", Text(broken, "GetDescription", zhCn));
            Assert.Equal("Try again later.", Text(broken, "GetSolution", new CultureInfo("de-DE")));
            Assert.Equal("Internal error.", Text(broken, "GetMessageTemplate", null));
            Assert.Equal("Send fewer items.", Text(tooMany, "GetSolution", null));

            // Typed culture formatters: the culture's template, the arguments formatted with the culture.
            MethodInfo insufficient = errors.GetMethod("FormatInsufficient", new[] { typeof(CultureInfo), typeof(decimal), typeof(double), typeof(DateTimeOffset) })!;
            object[] money = { 1234567.891m, 0.5, new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.Zero) };
            var de = new CultureInfo("de-DE");
            Assert.Equal(string.Format(de, "Balance {0:N2} is below {1:N2} at {2:yyyy-MM-dd}.", money), insufficient.Invoke(null, new object[] { de }.Concat(money).ToArray()));
            Assert.Contains("1.234.567,89", (string)insufficient.Invoke(null, new object[] { de }.Concat(money).ToArray())!);
            Assert.Equal(string.Format(zhCn, "{2:yyyy-MM-dd} 时余额 {0:N2} 低于 {1:N2}。", money), insufficient.Invoke(null, new object[] { zhCn }.Concat(money).ToArray()));
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "Balance {0:N2} is below {1:N2} at {2:yyyy-MM-dd}.", money), insufficient.Invoke(null, new object?[] { null }.Concat(money).ToArray()));

            // The descriptor's Format(culture, args) gives the same texts.
            object insufficientError = errors.GetProperty("Insufficient")!.GetValue(null)!;
            MethodInfo format = insufficientError.GetType().GetMethod("Format", new[] { typeof(CultureInfo), typeof(object[]) })!;
            foreach (CultureInfo? culture in new[] { zhCn, de, zhHansCn, null })
            {
                MethodInfo typed = insufficient;
                Assert.Equal(typed.Invoke(null, new object?[] { culture }.Concat(money).ToArray()), format.Invoke(insufficientError, new object?[] { culture, money }));
            }

            MethodInfo tooManyTyped = errors.GetMethod("FormatTooMany", new[] { typeof(CultureInfo), typeof(int), typeof(long) })!;
            Assert.Equal("最多 3 项，您发送了 12 项。", tooManyTyped.Invoke(null, new object[] { zhCn, 3, 12L }));
            Assert.Equal("At most 3 items, you sent 12.", tooManyTyped.Invoke(null, new object[] { new CultureInfo("fr-FR"), 3, 12L }));
        }

        public static IEnumerable<object[]> OverlayCases => new[]
        {
            new object[] { "catalog: Shop\nculture: zh-CN\nerrors:\n  - code: S.9\n    description: 无\n", DiagnosticIds.OverlayUnknownCode, 4, 11, "no code 'S.9'" },
            new object[] { "catalog: Shop\nculture: zh-CN\nerrors:\n  - code: S.1\n    message: '最多 {0} 项'\n", DiagnosticIds.OverlayPlaceholderMismatch, 5, 14, "leaves out" },
            new object[] { "catalog: Shop\nculture: zh-CN\nerrors:\n  - code: S.2\n    message: '{balance} {cost} {when}'\n", DiagnosticIds.OverlayPlaceholderMismatch, 5, 14, "{cost}" },
            new object[] { "catalog: Shop\nculture: zh-CN\nerrors:\n  - code: S.1\n    message: '{0} {1} {2}'\n", DiagnosticIds.OverlayPlaceholderMismatch, 5, 14, "{2}" },
            new object[] { "catalog: Shop\nculture: zh-CN\nerrors:\n  - code: S.1\n    message: '{0} {1'\n", DiagnosticIds.OverlayPlaceholderMismatch, 5, 14, "malformed" },
            new object[] { "catalog: Shop\nculture: zh-CN\nerrors:\n  - code: S.1\n    description: 多\n", DiagnosticIds.OverlayCoverage, 2, 10, "translates 1 of 4 entries" },
            new object[] { "catalog: Other\nculture: zh-CN\nerrors:\n  - code: S.1\n    description: 多\n", DiagnosticIds.OverlayNotApplicable, 1, 10, "no such catalog" },
            new object[] { "catalog: Shop\nnamespace: Elsewhere\nculture: zh-CN\nerrors: []\n", DiagnosticIds.OverlayNotApplicable, 1, 10, "namespace 'Elsewhere'" },
            new object[] { "catalog: Shop\nculture: zh_CN\nerrors: []\n", DiagnosticIds.InvalidIdentity, 2, 10, "not a culture name" },
            new object[] { "catalog: Shop\nculture: zh-CN\nerrors:\n  - code: S.1\n    status: 400\n    description: 多\n", DiagnosticIds.UnknownKey, 5, 5, "belongs to the neutral catalog" },
        };

        [Theory]
        [MemberData(nameof(OverlayCases))]
        public void Overlay_problems_are_located_and_the_rest_is_generated(string overlay, string id, int line, int column, string phrase)
        {
            GeneratorResult result = GeneratorHarness.Run(Files(("/p/shop.errors.yaml", Neutral), ("/p/shop.zh-CN.errors.yaml", overlay)), TargetProfile.Net80Nullable);
            Assert.Null(result.Exception);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal("/p/shop.zh-CN.errors.yaml", span.Path);
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.Contains(phrase, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains(result.Sources, s => s.HintName == "Consumer.App.ShopErrors.g.cs");
        }

        [Fact]
        public void A_second_overlay_of_one_culture_is_refused_at_its_culture()
        {
            string second = "catalog: Shop\nculture: ZH-cn\nerrors:\n  - code: S.1\n    description: 另一个\n";
            GeneratorResult result = GeneratorHarness.Run(Files(("/p/shop.errors.yaml", Neutral), ("/p/a.zh-CN.errors.yaml", ZhCn), ("/p/b.zh-CN.errors.yaml", second)), TargetProfile.Net80Nullable);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == DiagnosticIds.OverlayNotApplicable);
            Assert.Equal("/p/b.zh-CN.errors.yaml", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Contains("a.zh-CN.errors.yaml", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("\"zh-CN\"", result.Source("ShopErrors.Cultures.g.cs"), StringComparison.Ordinal);
            Assert.DoesNotContain("另一个", result.Source("ShopErrors.Cultures.g.cs"), StringComparison.Ordinal);
        }

        [Fact]
        public void Output_depends_neither_on_file_order_nor_on_the_current_culture()
        {
            string[] Generate(IEnumerable<(string, string)> files)
                => GeneratorHarness.Run(Files(files.ToArray()), TargetProfile.Net80Nullable).Sources.Select(s => s.HintName + "\n" + s.SourceText).ToArray();

            CultureInfo original = CultureInfo.CurrentCulture;
            string[] forward;
            string[] backward;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                forward = Generate(s_all);
                CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
                backward = Generate(s_all.Reverse());
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
            }

            Assert.Equal(7, forward.Length); // codes, errors, cultures, exceptions, validation, HTTP client, tracing
            Assert.Equal(forward.OrderBy(s => s, StringComparer.Ordinal), backward.OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void An_unknown_parameter_type_names_the_list_and_the_rest_is_generated()
        {
            string yaml = "catalog: Shop\nerrors:\n  - code: S.1\n    status: 400\n    message: 'x {0}'\n    parameters: [{ name: n, type: float }]\n  - {code: S.2, status: 400, message: ok}\n";
            GeneratorResult result = GeneratorHarness.Run(yaml, path: "/p/shop.errors.yaml");
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(DiagnosticIds.ParameterMismatch, diagnostic.Id);
            Assert.Equal((6, 35), (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
            Assert.Contains("string, int, long, double, decimal, bool, Guid, DateTime, DateTimeOffset, TimeSpan, object", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("= \"S.2\";", result.Source("ShopErrorCodes.g.cs"), StringComparison.Ordinal);
            Assert.DoesNotContain("\"S.1\"", result.Source("ShopErrorCodes.g.cs"), StringComparison.Ordinal);
        }
    }
}

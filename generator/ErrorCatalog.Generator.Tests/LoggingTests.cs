using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Generator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// XLog at the generator: emitted only when the compilation sees ILogger; the shapes beyond
    /// LoggerMessage.Define (repeated placeholders, more than five parameters, fixed key names); names
    /// that would be LoggerExtensions methods; and event ids that depend on the code alone.
    /// </summary>
    public class LoggingTests
    {
        private const string Edge =
            "catalog: Edge\n" +
            "errors:\n" +
            "  - {code: E.1, status: 500, name: Information, message: 'Plain.'}\n" +
            "  - {code: E.2, status: 400, name: Twice, message: '{0} and {0} again, {1}.', parameters: [first, second]}\n" +
            "  - {code: E.3, status: 404, name: Six, message: '{0}{1}{2}{3}{4}{5}', parameters: [a, b, c, d, e, f]}\n" +
            "  - {code: E.4, status: 302, name: Keys, message: 'code {0} by {1}', parameters: [ErrorCode, logger]}\n" +
            "  - {code: E.5, status: 400, name: InformationError, message: 'Other.', level: Debug, eventId: 77}\n" +
            "  - {code: E.6, status: 409, name: Aligned, message: '[{0,6:N1}] {{literal}}', parameters: [{name: amount, type: double}]}\n";

        private const string User =
            "using Microsoft.Extensions.Logging;\n" +
            "namespace Consumer.App { internal static class Use { internal static void Run(ILogger logger) { logger.LogInformation(\"x {0}\", 1); logger.LogInformationError(); logger.LogInformationErrorError(); logger.LogWarning(\"w\"); } } }\n";

        [Fact]
        public void XLog_is_generated_only_when_the_compilation_sees_ILogger()
        {
            GeneratorResult without = GeneratorHarness.Run(Edge, TargetProfile.Net80Nullable, "/p/edge.errors.yaml");
            Assert.DoesNotContain(without.Sources, s => s.HintName.EndsWith("EdgeLog.g.cs", StringComparison.Ordinal));
            GeneratorResult with = GeneratorHarness.Run(Edge, TargetProfile.Net80Logging, "/p/edge.errors.yaml", User);
            Assert.Equal(new[] { "/p/edge.errors.yaml(6,25): ERRCAT021" }, with.GeneratorDiagnostics.Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Id}")); // E.4's 302 (its log level: Information)
            Assert.Empty(with.CompilationDiagnostics); // warnings are errors here: no CS0121 for the user's LogInformation calls
            Assert.Contains(with.Sources, s => s.HintName == "Consumer.App.EdgeLog.g.cs");
            Assert.Equal(
                without.Sources.Select(s => s.HintName + s.SourceText),
                with.Sources.Where(s => s.HintName != "Consumer.App.EdgeLog.g.cs").Select(s => s.HintName + s.SourceText));
        }

        [Fact]
        public void Every_shape_logs_its_state_and_message()
        {
            GeneratorResult result = GeneratorHarness.Run(Edge, TargetProfile.Net80Logging, "/p/edge.errors.yaml", User);
            Assert.Empty(result.CompilationDiagnostics);
            Type log = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.EdgeLog")!;
            Assert.Equal(
                new[] { "LogAligned", "LogEdgeError", "LogInformationError", "LogInformationErrorError", "LogKeys", "LogSix", "LogTwice" },
                log.GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));

            var logger = new Capture();
            // 'Information' would be LoggerExtensions.LogInformation, and LogInformationError is entry InformationError's own name.
            Invoke(log, "LogInformationErrorError", logger);
            Assert.Equal((LogLevel.Error, LogNames.StableEventId("E.1"), "Information", "E.1: Plain."), (logger.Level, logger.Id.Id, logger.Id.Name, logger.Message));
            Invoke(log, "LogInformationError", logger);
            Assert.Equal((LogLevel.Debug, 77, "InformationError"), (logger.Level, logger.Id.Id, logger.Id.Name));

            Invoke(log, "LogTwice", logger, "x", 2);
            Assert.Equal("E.2: x and x again, 2.", logger.Message);
            Assert.Equal(new[] { "ErrorCode", "first", "second", "{OriginalFormat}" }, logger.State.Select(kv => kv.Key));
            Assert.Equal("{ErrorCode}: {first} and {first} again, {second}.", logger.State.Last().Value);

            Invoke(log, "LogSix", logger, 1, 2, 3, 4, 5, 6);
            Assert.Equal("E.3: 123456", logger.Message);
            Assert.Equal(8, logger.State.Count);

            Invoke(log, "LogKeys", logger, "value", "who");
            Assert.Equal(LogLevel.Information, logger.Level);
            Assert.Equal("E.4: code value by who", logger.Message);
            Assert.Equal(new[] { "ErrorCode", "ErrorCode_", "logger", "{OriginalFormat}" }, logger.State.Select(kv => kv.Key));
            Assert.Equal("E.4", logger.State[0].Value);

            Invoke(log, "LogAligned", logger, 1234.56);
            Assert.Equal("E.6: [1,234.6] {literal}", logger.Message);

            var disabled = new Capture { Enabled = false };
            Invoke(log, "LogSix", disabled, 1, 2, 3, 4, 5, 6);
            Assert.Null(disabled.Message);
        }

        [Fact]
        public void Event_ids_depend_on_the_code_alone_not_on_the_order()
        {
            string[] entries = Edge.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToArray();
            string reordered = "catalog: Edge\nerrors:\n" + string.Join("\n", entries.Reverse()) + "\n  - {code: E.0, status: 400, message: 'Inserted.'}\n";
            Dictionary<string, string> Ids(string yaml)
            {
                string source = GeneratorHarness.Run(yaml, TargetProfile.Net80Logging, "/p/edge.errors.yaml").Source("EdgeLog.g.cs");
                return Regex.Matches(source, @"EventId\((\d+), ""(\w+)""\)").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
            }

            Dictionary<string, string> before = Ids(Edge);
            Dictionary<string, string> after = Ids(reordered);
            Assert.Equal(6, before.Count);
            Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));

            CatalogModel model = CatalogCompiler.Parse("/p/e.errors.yaml", Edge).Model!;
            Assert.Equal(LogNames.StableEventId("E.2"), model.Entries[1].EventId);
            Assert.Equal(77, model.Entries[4].EventId);
        }

        [Fact]
        public void The_stable_id_is_FNV_1a_of_the_code()
        {
            // FNV-1a 32-bit of "a" is 0xE40C292C; its low 31 bits are 0x640C292C.
            Assert.Equal(0x640C292C, LogNames.StableEventId("a"));
            Assert.Equal((int)(2166136261u & 0x7FFFFFFF), LogNames.StableEventId(string.Empty));
        }

        private static void Invoke(Type log, string method, ILogger logger, params object?[] args)
        {
            MethodInfo info = log.GetMethod(method)!;
            var all = new List<object?> { logger };
            all.AddRange(args);
            all.Add(null); // exception
            info.Invoke(null, all.ToArray());
        }

        private sealed class Capture : ILogger
        {
            public bool Enabled { get; set; } = true;

            public LogLevel Level { get; private set; }

            public EventId Id { get; private set; }

            public string? Message { get; private set; }

            public IReadOnlyList<KeyValuePair<string, object?>> State { get; private set; } = Array.Empty<KeyValuePair<string, object?>>();

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => Enabled;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                Level = logLevel;
                Id = eventId;
                Message = formatter(state, exception);
                State = ((IReadOnlyList<KeyValuePair<string, object?>>)state!).ToList();
            }
        }
    }
}

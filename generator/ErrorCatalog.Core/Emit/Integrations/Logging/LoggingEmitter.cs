using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XLog.g.cs</c>, emitted only when the compilation can see Microsoft.Extensions.Logging
    /// (<see cref="FrameworkIntegrations.Logging"/>): per entry, <c>Log&lt;Name&gt;(this ILogger, …the formatter's
    /// parameters…, Exception? exception = null)</c> with a stable event id, the entry's member name as
    /// event name and its level; <c>Log&lt;Catalog&gt;Error(this ILogger, XException)</c> for a caught
    /// exception. Like the LoggerMessage generator: a cached <c>LoggerMessage.Define</c> delegate where
    /// the parameter count allows, a state object beyond it, and nothing at all when the level is off.
    /// </summary>
    internal static class LoggingEmitter
    {
        /// <summary>The logging namespace, qualified, as generated code names its types.</summary>
        private const string LoggingNs = "global::Microsoft.Extensions.Logging.";

        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            CatalogTypeNames names = c.Names;
            var members = new List<string>();
            foreach (ErrorEntry entry in c.Model.Entries)
            {
                members.Add(entry.Name);
            }

            string[] methods = LogNames.MethodNames(c.Model.CatalogName, members);
            SourceFile.Start(w, c.Options);
            w.Block($$"""
                /// <summary>
                /// Logs the errors of catalog <c>{{c.Model.CatalogName}}</c> with stable event ids: an entry's <c>eventId</c>, else
                /// the FNV-1a hash of its code (so reordering or adding entries never changes one). The event name is the entry's
                /// member name; the level its <c>level</c>, else <c>Error</c> for 5xx, <c>Warning</c> for 4xx, <c>Information</c>
                /// otherwise. The state holds each placeholder under its parameter name, <c>ErrorCode</c> and <c>{OriginalFormat}</c>.
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                """);
            w.Open($"{c.Access} static partial class {names.Log}");
            for (int i = 0; i < c.Model.Entries.Count; i++)
            {
                WriteEntry(w, c, c.Model.Entries[i], methods[i]);
                w.Line();
            }

            WriteExceptionMethod(w, c);
            w.Line();
            WriteState(w, q);
            w.Close();
            return SourceFile.End(w, c.Options);
        }

        private static void WriteEntry(CodeWriter w, EmitContext c, ErrorEntry entry, string method)
        {
            string q = c.NullableMark;
            string level = LoggingNs + "LogLevel." + entry.Level;
            string eventId = $"new {LoggingNs}EventId({entry.EventId.ToString(CultureInfo.InvariantCulture)}, \"{entry.Name}\")";
            string template = "{ErrorCode}: " + LogTemplates.NamedTemplate(entry);
            string logger = FormatterEmitter.UniqueLocal(entry, "logger");
            string exception = FormatterEmitter.UniqueLocal(entry, "exception");
            bool define = LogTemplates.UsesDefine(entry);
            string field = "s_" + entry.Name;
            var types = new StringBuilder("string");
            for (int p = 0; p < entry.ParameterCount; p++)
            {
                types.Append(", ").Append(ParameterType.CSharp(ParameterType.Of(entry, p), q));
            }

            string typeList = types.ToString();
            string id = entry.EventId.ToString(CultureInfo.InvariantCulture);
            ListText arguments = CodeWriter.List(entry.ParameterCount, p => Identifiers.EscapeKeyword(entry.ParameterNames[p]));
            if (define)
            {
                w.Line($"private static readonly global::System.Action<{LoggingNs}ILogger, {typeList}, global::System.Exception{q}> {field} =");
                w.Line($"    {LoggingNs}LoggerMessage.Define<{typeList}>({level}, {eventId}, {CodeWriter.Literal(template)}, new {LoggingNs}LogDefineOptions {{ SkipEnabledCheck = true }});");
                w.Line();
            }

            w.Line($"/// <summary>Logs <see cref=\"{c.Names.ErrorsQualified}.{entry.Name}\"/> (<c>{CodeWriter.Doc(entry.Code)}</c>) at <c>{entry.Level}</c> with event id {id}: <c>{CodeWriter.Doc(template)}</c></summary>");
            w.Line($"/// <param name=\"{logger}\">The logger.</param>");
            foreach (string parameter in entry.ParameterNames)
            {
                w.Line($"/// <param name=\"{parameter}\">The value of <c>{{{parameter}}}</c>.</param>");
            }

            w.Line($"/// <param name=\"{exception}\">The exception to attach, or null.</param>");
            if (define)
            {
                // Inlined, the level check costs the caller what a hand-written IsEnabled test costs when the level is off.
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            }

            w.StartMappedLine(entry.CodeSpan, "public static void ").Append($"{method}(this {LoggingNs}ILogger {logger}");
            FormatterEmitter.WriteParameters(w, c, entry, commaBefore: true);
            w.Append($", global::System.Exception{q} {exception} = null)").EndMappedLine();
            w.Open();
            w.Open($"if ({logger}.IsEnabled({level}))");
            if (define)
            {
                w.Line($"{field}({logger}, {CodeWriter.Literal(entry.Code)}{CodeWriter.MoreArguments(entry.ParameterCount, p => Identifiers.EscapeKeyword(entry.ParameterNames[p]))}, {exception});");
            }
            else
            {
                // The state: the code, the template, the hole names and the values, and the message the formatter makes.
                ListText holes = CodeWriter.LiteralList(entry.ParameterCount, p => LogTemplates.HoleName(entry, p));
                string formatter = c.Names.ErrorsQualified + "." + GeneratedMembers.Formatter(entry.Name);
                w.Line($"{logger}.Log({level}, {eventId}, new EntryState({CodeWriter.Literal(entry.Code)}, {CodeWriter.Literal(template)}, new string[] {{ {holes} }}, new object{q}[] {{ {arguments} }}, {CodeWriter.Literal(entry.Code + ": ")} + {formatter}({arguments})), {exception}, EntryState.Format);");
            }

            w.Close();
            w.Close();
        }

        /// <summary>
        /// Every string literal of executable code in <c>XLog.g.cs</c> (for <see cref="UserStringBudget"/>), repeats
        /// included, each with its length. The strings made for the purpose (the named templates) are made only
        /// when <paramref name="texts"/> asks for them: the budget of every parse needs the lengths alone.
        /// </summary>
        internal static IEnumerable<(string? Text, int Length)> Literals(CatalogModel model, bool texts)
        {
            const string Prefix = "{ErrorCode}: ";
            foreach (ErrorEntry entry in model.Entries)
            {
                yield return (entry.Code, entry.Code.Length);
                yield return (entry.Name, entry.Name.Length);
                yield return (texts ? Prefix + LogTemplates.NamedTemplate(entry) : null, Prefix.Length + LogTemplates.NamedTemplateLength(entry));
                if (!LogTemplates.UsesDefine(entry))
                {
                    yield return (texts ? entry.Code + ": " : null, entry.Code.Length + 2);
                    for (int p = 0; p < entry.ParameterCount; p++)
                    {
                        string hole = LogTemplates.HoleName(entry, p);
                        yield return (hole, hole.Length);
                    }
                }

                if (entry.ExplicitEventId != null)
                {
                    yield return (entry.Code, entry.Code.Length);
                }

                if (entry.ExplicitLevel != null)
                {
                    yield return (entry.Code, entry.Code.Length);
                }
            }

            foreach (string fixedText in new[] { model.CatalogName, "{ErrorCode}: {ErrorMessage}", "ErrorMessage", "ErrorCode", "{OriginalFormat}" })
            {
                yield return (fixedText, fixedText.Length);
            }
        }

        private static void WriteExceptionMethod(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string exception = c.Names.ExceptionQualified;
            w.Block($$"""
                /// <summary>
                /// Logs a caught catalog exception, attached: <c>{ErrorCode}: {ErrorMessage}</c> with the event id and name of its
                /// code (the stable hash and the catalog name for a code the catalog lacks) and the level of its entry's <c>level</c>,
                /// else of its status (5xx or none <c>Error</c>, 4xx <c>Warning</c>, otherwise <c>Information</c>).
                /// </summary>
                /// <param name="logger">The logger.</param>
                /// <param name="exception">The exception.</param>
                public static void {{LogNames.ExceptionMethod(c.Model.CatalogName)}}(this {{LoggingNs}}ILogger logger, {{exception}} exception)
                {
                    if (exception == null)
                    {
                        throw new global::System.ArgumentNullException(nameof(exception));
                    }

                    {{LoggingNs}}LogLevel level = LevelOf(exception);
                    if (logger.IsEnabled(level))
                    {
                        string name = exception.Error != null ? exception.Error.Name : "{{c.Model.CatalogName}}";
                        logger.Log(level, new {{LoggingNs}}EventId(EventIdOf(exception.ErrorCode), name), new EntryState(exception.ErrorCode, "{ErrorCode}: {ErrorMessage}", new string[] { "ErrorMessage" }, new object{{q}}[] { exception.ErrorMessage }, exception.Message), exception, EntryState.Format);
                    }
                }

                """);
            w.Open("private static int EventIdOf(string code)");
            WriteSwitch(w, "code", c.Model.Entries, e => e.ExplicitEventId?.ToString(CultureInfo.InvariantCulture));
            w.Block("""
                uint hash = 2166136261;
                foreach (char c in code)
                {
                    hash = unchecked((hash ^ c) * 16777619);
                }

                int id = (int)(hash & 0x7FFFFFFF);
                return id == 0 ? 1 : id;
                """);
            w.Close();
            w.Line();
            w.Open($"private static {LoggingNs}LogLevel LevelOf({exception} exception)");
            WriteSwitch(w, "exception.ErrorCode", c.Model.Entries, e => e.ExplicitLevel == null ? null : LoggingNs + "LogLevel." + e.ExplicitLevel);
            w.Block($$"""
                int status = exception.HttpStatus ?? 500;
                return status >= 500 ? {{LoggingNs}}LogLevel.Error : status >= 400 ? {{LoggingNs}}LogLevel.Warning : {{LoggingNs}}LogLevel.Information;
                """);
            w.Close();
        }

        /// <summary>A switch on the code returning each entry's value where it has one; nothing when none has.</summary>
        private static void WriteSwitch(CodeWriter w, string code, EquatableArray<ErrorEntry> entries, System.Func<ErrorEntry, string?> value)
        {
            bool any = false;
            foreach (ErrorEntry entry in entries)
            {
                string? result = value(entry);
                if (result == null)
                {
                    continue;
                }

                if (!any)
                {
                    w.Open($"switch ({code})");
                    any = true;
                }

                w.Line($"case {CodeWriter.Literal(entry.Code)}: return {result};");
            }

            if (any)
            {
                w.Close();
                w.Line();
            }
        }

        /// <summary>The state of a message logged without a cached delegate, in the order a cached delegate's has: <c>ErrorCode</c>, each value under its name, <c>{OriginalFormat}</c>.</summary>
        private static void WriteState(CodeWriter w, string q)
        {
            string pair = "global::System.Collections.Generic.KeyValuePair<string, object" + q + ">";
            w.Block($$"""
                private sealed class EntryState : global::System.Collections.Generic.IReadOnlyList<{{pair}}>
                {
                    public static readonly global::System.Func<EntryState, global::System.Exception{{q}}, string> Format = (state, exception) => state.ToString();

                    private readonly string _code;
                    private readonly string _format;
                    private readonly string[] _names;
                    private readonly object{{q}}[] _values;
                    private readonly string _message;

                    public EntryState(string code, string format, string[] names, object{{q}}[] values, string message)
                    {
                        _code = code;
                        _format = format;
                        _names = names;
                        _values = values;
                        _message = message;
                    }

                    public int Count => _names.Length + 2;

                    public {{pair}} this[int index]
                    {
                        get
                        {
                            if (index == 0)
                            {
                                return new {{pair}}("ErrorCode", _code);
                            }

                            if (index <= _names.Length)
                            {
                                return new {{pair}}(_names[index - 1], _values[index - 1]);
                            }

                            if (index == _names.Length + 1)
                            {
                                return new {{pair}}("{OriginalFormat}", _format);
                            }

                            throw new global::System.IndexOutOfRangeException(nameof(index));
                        }
                    }

                    public global::System.Collections.Generic.IEnumerator<{{pair}}> GetEnumerator()
                    {
                        for (int i = 0; i < Count; i++)
                        {
                            yield return this[i];
                        }
                    }

                    global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

                    public override string ToString() => _message;
                }
                """);
        }
    }
}

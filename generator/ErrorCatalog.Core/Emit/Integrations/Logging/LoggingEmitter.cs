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
            w.Open($"public static partial class {names.Log}");
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

            if (define)
            {
                w.StartLine().Append("private static readonly global::System.Action<").Append(LoggingNs).Append("ILogger, ").Append(types.ToString()).Append(", global::System.Exception").Append(q).Append("> ").Append(field).Append(" =").EndLine();
                w.StartLine().Append("    ").Append(LoggingNs).Append("LoggerMessage.Define<").Append(types.ToString()).Append(">(").Append(level).Append(", ").Append(eventId).Append(", ")
                    .AppendLiteral(template).Append(", new ").Append(LoggingNs).Append("LogDefineOptions { SkipEnabledCheck = true });").EndLine();
                w.Line();
            }

            w.StartLine().Append("/// <summary>Logs <see cref=\"").Append(c.Names.ErrorsQualified).Append('.').Append(entry.Name).Append("\"/> (<c>").AppendXmlDocInline(entry.Code)
                .Append("</c>) at <c>").Append(entry.Level).Append("</c> with event id ").Append(entry.EventId.ToString(CultureInfo.InvariantCulture)).Append(": <c>").AppendXmlDocInline(template).Append("</c></summary>").EndLine();
            w.StartLine().Append("/// <param name=\"").Append(logger).Append("\">The logger.</param>").EndLine();
            for (int p = 0; p < entry.ParameterCount; p++)
            {
                w.StartLine().Append("/// <param name=\"").Append(entry.ParameterNames[p]).Append("\">The value of <c>{").Append(entry.ParameterNames[p]).Append("}</c>.</param>").EndLine();
            }

            w.StartLine().Append("/// <param name=\"").Append(exception).Append("\">The exception to attach, or null.</param>").EndLine();
            if (define)
            {
                // Inlined, the level check costs the caller what a hand-written IsEnabled test costs when the level is off.
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            }

            w.StartLine().Append("public static void ").Append(method).Append("(this ").Append(LoggingNs).Append("ILogger ").Append(logger);
            FormatterEmitter.WriteParameters(w, c, entry, first: false);
            w.Append(", global::System.Exception").Append(q).Append(' ').Append(exception).Append(" = null)").EndLine();
            w.Line("{");
            w.Indent();
            w.StartLine().Append("if (").Append(logger).Append(".IsEnabled(").Append(level).Append("))").EndLine();
            w.Line("{");
            w.Indent();
            if (define)
            {
                w.StartLine().Append(field).Append('(').Append(logger).Append(", ").AppendLiteral(entry.Code);
                for (int p = 0; p < entry.ParameterCount; p++)
                {
                    w.Append(", ").Append(Identifiers.EscapeKeyword(entry.ParameterNames[p]));
                }

                w.Append(", ").Append(exception).Append(");").EndLine();
            }
            else
            {
                w.StartLine().Append(logger).Append(".Log(").Append(level).Append(", ").Append(eventId).Append(", new EntryState(").AppendLiteral(entry.Code).Append(", ").AppendLiteral(template).Append(", new string[] { ");
                for (int p = 0; p < entry.ParameterCount; p++)
                {
                    w.Append(p == 0 ? string.Empty : ", ").AppendLiteral(LogTemplates.HoleName(entry, p));
                }

                w.Append(" }, new object").Append(q).Append("[] { ");
                for (int p = 0; p < entry.ParameterCount; p++)
                {
                    w.Append(p == 0 ? string.Empty : ", ").Append(Identifiers.EscapeKeyword(entry.ParameterNames[p]));
                }

                w.Append(" }, ").AppendLiteral(entry.Code + ": ").Append(" + ").Append(c.Names.ErrorsQualified).Append('.').Append(GeneratedMembers.Formatter(entry.Name)).Append('(');
                for (int p = 0; p < entry.ParameterCount; p++)
                {
                    w.Append(p == 0 ? string.Empty : ", ").Append(Identifiers.EscapeKeyword(entry.ParameterNames[p]));
                }

                w.Append(")), ").Append(exception).Append(", EntryState.Format);").EndLine();
            }

            w.Outdent();
            w.Line("}");
            w.Outdent();
            w.Line("}");
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
            w.Line("private static int EventIdOf(string code)");
            w.Line("{");
            w.Indent();
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
            w.Outdent();
            w.Line("}");
            w.Line();
            w.Line($"private static {LoggingNs}LogLevel LevelOf({exception} exception)");
            w.Line("{");
            w.Indent();
            WriteSwitch(w, "exception.ErrorCode", c.Model.Entries, e => e.ExplicitLevel == null ? null : LoggingNs + "LogLevel." + e.ExplicitLevel);
            w.Block($$"""
                int status = exception.HttpStatus ?? 500;
                return status >= 500 ? {{LoggingNs}}LogLevel.Error : status >= 400 ? {{LoggingNs}}LogLevel.Warning : {{LoggingNs}}LogLevel.Information;
                """);
            w.Outdent();
            w.Line("}");
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
                    w.Line($"switch ({code})");
                    w.Line("{");
                    w.Indent();
                    any = true;
                }

                w.StartLine().Append("case ").AppendLiteral(entry.Code).Append(": return ").Append(result).Append(';').EndLine();
            }

            if (any)
            {
                w.Outdent();
                w.Line("}");
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

using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using Members = ErrorCatalog.Core.Naming.GeneratedMembers;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// <c>XErrors.Cultures.g.cs</c>, only for a catalog with culture overlays: on <c>XError</c>,
    /// <c>GetMessageTemplate</c>, <c>GetDescription</c>, <c>GetSolution</c> and <c>Format</c> for a
    /// culture; on <c>XErrors</c>, <c>Cultures</c>, the culture tables, and
    /// <c>Format&lt;Name&gt;(CultureInfo?, …)</c> beside each typed formatter. A culture's text falls
    /// back through <c>CultureInfo.Parent</c> (<c>zh-Hans-CN</c> → <c>zh-Hans</c> → <c>zh</c>) to the
    /// neutral catalog, text by text.
    /// </summary>
    internal static class CultureEmitter
    {
        /// <summary>The descriptor's row in the culture tables (an internal property of <c>XError</c>).</summary>
        public const string Row = "CultureRow";

        /// <summary>Texts per entry and culture in the tables: one per <see cref="CultureText"/>.</summary>
        private const int TextsPerEntry = 4;

        /// <summary>An entry's texts in a culture table, in this order (the generated lookups take the number).</summary>
        private enum CultureText
        {
            Message = 0,
            Description = 1,
            Solution = 2,

            /// <summary>The message as a composite format (named placeholders spelled out as indexes).</summary>
            CompositeFormat = 3,
        }

        public static string Emit(CodeWriter w, EmitContext c)
        {
            SourceFile.Start(w, c.Options);
            WriteDescriptorMembers(w, c);
            w.Line();
            WriteExceptionMembers(w, c);
            w.Line();
            w.Open($"public static partial class {c.Names.Errors}");
            WriteTables(w, c);
            WriteLookup(w, c);

            // Each culture's translated messages by row, so a formatter finds its own without a scan.
            var messages = new Dictionary<int, TranslatedEntry>[c.Options.Translations.Cultures.Count];
            for (int slot = 0; slot < messages.Length; slot++)
            {
                messages[slot] = new Dictionary<int, TranslatedEntry>();
                foreach (TranslatedEntry translated in c.Options.Translations.Cultures[slot].Entries)
                {
                    if (translated.Message != null)
                    {
                        messages[slot].Add(translated.Row, translated);
                    }
                }
            }

            foreach (FormatterPlan formatter in c.Plan.Formatters)
            {
                w.Line();
                WriteFormatter(w, c, formatter, messages);
            }

            w.Line();
            FormatterHelpers.EmitWithProvider(w, c.NullableMark);
            w.Close();
            return SourceFile.End(w, c.Options);
        }

        private static void WriteDescriptorMembers(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string errors = c.Names.ErrorsQualified;
            w.Open($"public sealed partial class {c.Names.Error}");
            w.Block($$"""
                /// <summary>This error's row in the culture tables of <see cref="{{errors}}"/>.</summary>
                internal int {{Row}} { get; set; }

                /// <summary>The message template in <paramref name="culture"/>: its translation, else its parent cultures' (<c>zh-Hans-CN</c>, <c>zh-Hans</c>, <c>zh</c>), else <see cref="MessageTemplate"/>.</summary>
                /// <param name="culture">The culture; null for the neutral catalog.</param>
                /// <returns>The template, with the same placeholders as <see cref="MessageTemplate"/>.</returns>
                public string GetMessageTemplate(global::System.Globalization.CultureInfo{{q}} culture)
                {
                    return {{errors}}.{{Members.TranslatedText}}(culture, {{Row}}, {{(int)CultureText.Message}}) ?? MessageTemplate;
                }

                /// <summary>The description in <paramref name="culture"/>, falling back through its parent cultures to <see cref="Description"/>.</summary>
                /// <param name="culture">The culture; null for the neutral catalog.</param>
                /// <returns>The description.</returns>
                public string GetDescription(global::System.Globalization.CultureInfo{{q}} culture)
                {
                    return {{errors}}.{{Members.TranslatedText}}(culture, {{Row}}, {{(int)CultureText.Description}}) ?? Description;
                }

                /// <summary>The solution in <paramref name="culture"/>, falling back through its parent cultures to <see cref="Solution"/>.</summary>
                /// <param name="culture">The culture; null for the neutral catalog.</param>
                /// <returns>The solution.</returns>
                public string GetSolution(global::System.Globalization.CultureInfo{{q}} culture)
                {
                    return {{errors}}.{{Members.TranslatedText}}(culture, {{Row}}, {{(int)CultureText.Solution}}) ?? Solution;
                }

                /// <summary>The culture of the overlay that translates the message for <paramref name="culture"/>, or null when none does. Public, and hidden from completion, for the integrations that projects referencing this catalog generate.</summary>
                [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                public string{{q}} {{Members.MessageLanguage}}(global::System.Globalization.CultureInfo culture)
                {
                    int slot = {{errors}}.{{Members.MessageCulture}}(culture, {{Row}});
                    return slot < 0 ? null : {{errors}}.{{Members.Cultures}}[slot];
                }

                /// <summary>The culture of the overlay that translates the description for <paramref name="culture"/>, or null when none does. Public, and hidden from completion, for the integrations that projects referencing this catalog generate.</summary>
                [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                public string{{q}} {{Members.DescriptionLanguage}}(global::System.Globalization.CultureInfo culture)
                {
                    int slot = {{errors}}.{{Members.MessageCulture}}(culture, {{Row}}, {{(int)CultureText.Description}});
                    return slot < 0 ? null : {{errors}}.{{Members.Cultures}}[slot];
                }

                /// <summary>Formats the message template of <paramref name="culture"/> (<see cref="GetMessageTemplate"/>) with the given arguments, formatted with that culture.</summary>
                /// <param name="culture">The culture; null formats the neutral template with the invariant culture, as <see cref="Format(object[])"/> does.</param>
                /// <param name="args">One argument per placeholder, in parameter order.</param>
                /// <returns>The formatted message.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="args"/> is null.</exception>
                /// <exception cref="global::System.ArgumentException">The number of arguments differs from <see cref="ParameterCount"/>.</exception>
                public string Format(global::System.Globalization.CultureInfo{{q}} culture, params object{{q}}[] args)
                """);
            w.Open();
            w.Block("""
                if (culture == null)
                {
                    return Format(args);
                }

                """);
            w.Block(DescriptorEmitter.ArgumentChecks);
            w.Block($$"""
                string{{q}} translated = {{errors}}.{{Members.TranslatedText}}(culture, {{Row}}, {{(int)CultureText.CompositeFormat}});
                if (translated != null)
                {
                    return args.Length == 0 && translated.IndexOf('{') < 0 && translated.IndexOf('}') < 0 ? translated : string.Format(culture, translated, args);
                }

                """);
            string template = DescriptorEmitter.WriteRewrittenFormats(w, c);
            w.Line($"return args.Length == 0 && {template}.IndexOf('{{') < 0 && {template}.IndexOf('}}') < 0 ? {template} : string.Format(culture, {template}, args);");
            w.Close();
            w.Close();
        }

        /// <summary>
        /// The message in a culture, re-formatted from <c>XException.Arguments</c> (what <c>ToException</c> was
        /// given, in the exception file): what a server needs to answer in the caller's language.
        /// </summary>
        private static void WriteExceptionMembers(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            w.Block($$"""
                public partial class {{c.Names.Exception}}
                {
                    /// <summary>
                    /// The message in <paramref name="culture"/>: the nearest overlay's message formatted from <see cref="Arguments"/>
                    /// with that culture, and in <paramref name="language"/> the overlay's culture; else the message the exception
                    /// holds (neutral, or as received) and null. Public, and hidden from completion, for the integrations that projects referencing this catalog generate.
                    /// </summary>
                    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                    public string{{q}} {{Members.LocalizedMessage}}(global::System.Globalization.CultureInfo{{q}} culture, out string{{q}} language)
                    {
                        language = null;
                        if (culture == null || Error == null || Arguments.Count != Error.ParameterCount || !{{Members.HasArguments}})
                        {
                            return ErrorMessage;
                        }

                        language = Error.{{Members.MessageLanguage}}(culture);
                        if (language == null)
                        {
                            return ErrorMessage;
                        }

                        object{{q}}[] args = new object{{q}}[Arguments.Count];
                        for (int i = 0; i < args.Length; i++)
                        {
                            args[i] = Arguments[i];
                        }

                        return Error.Format(culture, args);
                    }
                }
                """);
        }

        /// <summary>The culture names (sorted ordinally), <c>Cultures</c>, and one table per culture: four texts per entry, null where the culture has none.</summary>
        private static void WriteTables(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            EquatableArray<CultureTexts> cultures = c.Options.Translations.Cultures;
            w.Line($"private static readonly string[] {Members.CultureNames} = {{ {CodeWriter.LiteralList(cultures.Count, i => cultures[i].Culture)} }};");
            w.Line();
            w.Block($$"""
                /// <summary>The cultures the catalog has overlays for (<c>NAME.&lt;culture&gt;.errors.yaml</c>), sorted ordinally.</summary>
                public static global::System.Collections.Generic.IReadOnlyList<string> {{Members.Cultures}} { get; } = new global::System.Collections.ObjectModel.ReadOnlyCollection<string>({{Members.CultureNames}});

                """);
            w.Line($"private static readonly string{q}[][] {Members.CultureTables} =");
            w.Open();
            int entries = c.Model.Entries.Count;
            foreach (CultureTexts culture in cultures)
            {
                var texts = new string?[entries * TextsPerEntry];
                foreach (TranslatedEntry entry in culture.Entries)
                {
                    int at = entry.Row * TextsPerEntry;
                    texts[at + (int)CultureText.Message] = entry.Message;
                    texts[at + (int)CultureText.Description] = entry.Description;
                    texts[at + (int)CultureText.Solution] = entry.Solution;
                    texts[at + (int)CultureText.CompositeFormat] = entry.CompositeFormat ?? entry.Message;
                }

                w.Line($"new string{q}[] {{ {CodeWriter.LiteralList(texts.Length, i => texts[i])} }},");
            }

            w.Close("};");
            w.Line();
        }

        /// <summary>
        /// The overlays that apply to a culture, nearest first, found once per culture object (the last
        /// one asked is remembered: a request's culture is asked again and again); then the text lookups.
        /// </summary>
        private static void WriteLookup(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string cache = $"global::System.Tuple<global::System.Globalization.CultureInfo, int[]>";
            w.Block($$"""
                private static {{cache}}{{q}} {{Members.CultureCache}};

                private static int[] {{Members.CultureChain}}(global::System.Globalization.CultureInfo culture)
                {
                    {{cache}}{{q}} cached = {{Members.CultureCache}};
                    if (cached != null && object.ReferenceEquals(cached.Item1, culture))
                    {
                        return cached.Item2;
                    }

                    global::System.Collections.Generic.List<int> chain = new global::System.Collections.Generic.List<int>();
                    global::System.Globalization.CultureInfo current = culture;
                    for (int depth = 0; depth < 16 && current.Name.Length > 0; depth++)
                    {
                        for (int i = 0; i < {{Members.CultureNames}}.Length; i++)
                        {
                            if (string.Equals({{Members.CultureNames}}[i], current.Name, global::System.StringComparison.OrdinalIgnoreCase))
                            {
                                chain.Add(i);
                                break;
                            }
                        }

                        current = current.Parent;
                    }

                    int[] slots = chain.ToArray();
                    {{Members.CultureCache}} = new {{cache}}(culture, slots);
                    return slots;
                }

                internal static string{{q}} {{Members.TranslatedText}}(global::System.Globalization.CultureInfo{{q}} culture, int row, int kind)
                {
                    if (culture == null)
                    {
                        return null;
                    }

                    foreach (int slot in {{Members.CultureChain}}(culture))
                    {
                        string{{q}} text = {{Members.CultureTables}}[slot][(row * {{TextsPerEntry}}) + kind];
                        if (text != null)
                        {
                            return text;
                        }
                    }

                    return null;
                }

                /// <summary>The slot of the nearest culture whose overlay has text <paramref name="kind"/> (the message by default) of entry <paramref name="row"/>, or -1.</summary>
                internal static int {{Members.MessageCulture}}(global::System.Globalization.CultureInfo culture, int row, int kind = 0)
                {
                    foreach (int slot in {{Members.CultureChain}}(culture))
                    {
                        if ({{Members.CultureTables}}[slot][(row * {{TextsPerEntry}}) + kind] != null)
                        {
                            return slot;
                        }
                    }

                    return -1;
                }
                """);
        }

        /// <summary>
        /// <c>Format&lt;Name&gt;(CultureInfo? culture, …)</c>: null is the invariant formatter; otherwise the
        /// nearest culture's translated message (a body per culture that translates it), else the neutral
        /// message, with the arguments formatted with <paramref name="formatter"/>'s culture.
        /// </summary>
        private static void WriteFormatter(CodeWriter w, EmitContext c, FormatterPlan formatter, Dictionary<int, TranslatedEntry>[] messages)
        {
            ErrorEntry entry = c.Model.Entries[formatter.Entry];
            string culture = FormatterEmitter.UniqueLocal(entry, "culture");
            string helpers = formatter.QualifiedHelpers ? c.Names.ErrorsQualified + "." : string.Empty;
            string formatterName = Members.Formatter(entry.Name);
            string types = string.Join(", ", Enumerable.Range(0, entry.ParameterCount).Select(p => ParameterType.CSharp(ParameterType.Of(entry, p), string.Empty)));
            w.Line($"/// <summary>Formats the message of <see cref=\"{entry.Name}\"/> in <paramref name=\"{culture}\"/>: the nearest translation of its message, else the neutral one, with the arguments formatted with that culture.</summary>");
            w.Line($"/// <param name=\"{culture}\">The culture; null gives <see cref=\"{formatterName}({types})\"/>'s text.</param>");
            foreach (string parameter in entry.ParameterNames)
            {
                w.Line($"/// <param name=\"{parameter}\">The value of parameter <c>{parameter}</c>.</param>");
            }

            w.Line("/// <returns>The formatted message.</returns>");
            w.StartMappedLine(entry.CodeSpan, "public static string ").Append($"{formatterName}(global::System.Globalization.CultureInfo{c.NullableMark} {culture}");
            FormatterEmitter.WriteParameters(w, c, entry, commaBefore: true);
            w.Append(')').EndMappedLine();
            w.Open();
            w.Open($"if ({culture} == null)");
            w.Line($"return {formatterName}({CodeWriter.List(entry.ParameterCount, p => Identifiers.EscapeKeyword(entry.ParameterNames[p]))});");
            w.Close();
            w.Line();
            var translations = new List<(int Slot, TranslatedEntry Entry)>();
            EquatableArray<CultureTexts> cultures = c.Options.Translations.Cultures;
            for (int slot = 0; slot < messages.Length; slot++)
            {
                if (messages[slot].TryGetValue(formatter.Entry, out TranslatedEntry? translated))
                {
                    translations.Add((slot, translated));
                }
            }

            var neutral = new FormatterEmitter.Body(entry, entry.Segments, formatter, helpers, culture);
            if (translations.Count == 0)
            {
                FormatterEmitter.WriteBody(w, neutral);
            }
            else
            {
                w.Open($"switch ({c.Names.ErrorsQualified}.{Members.MessageCulture}({culture}, {formatter.Entry}))");
                foreach ((int slot, TranslatedEntry translated) in translations)
                {
                    w.Line($"case {slot}: // {cultures[slot].Culture}");
                    WriteSection(w, new FormatterEmitter.Body(entry, translated.Segments, FormatterPlan.Create(formatter.Entry, entry, translated.Segments, translated.CompositeFormat), helpers, culture));
                }

                w.Line("default:");
                WriteSection(w, neutral);
                w.Close();
            }

            w.Close();
        }

        private static void WriteSection(CodeWriter w, FormatterEmitter.Body body)
        {
            w.Open();
            FormatterEmitter.WriteBody(w, body);
            w.Close();
        }
    }
}

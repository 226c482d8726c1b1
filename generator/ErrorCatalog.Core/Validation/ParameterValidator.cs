using System;
using System.Collections.Generic;
using System.Globalization;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Parsing;
using ErrorCatalog.Core.Templates;

namespace ErrorCatalog.Core.Validation
{
    /// <summary>An entry's <c>parameters</c>: their names (one per placeholder, in index order) and their types (ERRCAT008).</summary>
    internal static class ParameterValidator
    {
        /// <summary>
        /// Each parameter's type when any parameter names one (<c>{ name: limit, type: int }</c>), else
        /// null (all <c>object</c>); a type outside <see cref="ParameterType.All"/> is ERRCAT008.
        /// </summary>
        public static string[]? ResolveTypes(in RawEntry entry, CatalogValidator.Context context, out bool valid)
        {
            valid = true;
            List<RawScalar>? given = entry.ParameterTypes;
            if (given == null)
            {
                return null;
            }

            var types = new string[given.Count];
            bool anyTyped = false;
            for (int i = 0; i < given.Count; i++)
            {
                string? type = given[i].IsPresent ? given[i].Value : ParameterType.Object;
                if (!ParameterType.IsKnown(type))
                {
                    SourceSpan span = given[i].Span;
                    context.Report(DiagnosticIds.ParameterMismatch, span,
                        $"'{CatalogValidator.Printable(type ?? string.Empty)}' is not a parameter type; use one of {string.Join(", ", ParameterType.All)}");
                    valid = false;
                    continue;
                }

                types[i] = type!;
                anyTyped |= type != ParameterType.Object;
            }

            return anyTyped ? types : null;
        }

        public static string[]? ResolveNames(in RawEntry entry, ParsedTemplate template, CatalogValidator.Context context)
        {
            if (entry.Parameters == null)
            {
                if (template.Kind == PlaceholderKind.Named)
                {
                    return ToArray(template.PlaceholderNames);
                }

                var defaults = new string[template.ParameterCount];
                for (int i = 0; i < defaults.Length; i++)
                {
                    defaults[i] = "arg" + i.ToString(CultureInfo.InvariantCulture);
                }

                return defaults;
            }

            List<RawScalar> given = entry.Parameters;
            if (given.Count != template.ParameterCount)
            {
                context.Report(DiagnosticIds.ParameterMismatch, entry.ParametersSpan,
                    $"'parameters' lists {given.Count} name(s) but the message has {template.ParameterCount} placeholder(s); list one name per placeholder, in index order");
                return null;
            }

            var names = new string[given.Count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < given.Count; i++)
            {
                string? name = given[i].Value;
                if (name == null || !(Identifiers.IsValidIdentifier(name) || Identifiers.IsKeyword(name)))
                {
                    context.Report(DiagnosticIds.ParameterMismatch, given[i].Span, $"'{CatalogValidator.Printable(name ?? string.Empty)}' is not a valid parameter name; use a C# identifier such as 'field'");
                    return null;
                }

                if (!seen.Add(name))
                {
                    context.Report(DiagnosticIds.ParameterMismatch, given[i].Span, $"The parameter name '{name}' is listed twice; each parameter needs its own name");
                    return null;
                }

                if (template.Kind == PlaceholderKind.Named && name != template.PlaceholderNames[i])
                {
                    context.Report(DiagnosticIds.ParameterMismatch, given[i].Span,
                        $"'parameters' must name the placeholders in order of first appearance ({string.Join(", ", template.PlaceholderNames)}); found '{name}'");
                    return null;
                }

                names[i] = name;
            }

            return names;
        }

        private static string[] ToArray(IReadOnlyList<string> list)
        {
            var array = new string[list.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = list[i];
            }

            return array;
        }
    }
}

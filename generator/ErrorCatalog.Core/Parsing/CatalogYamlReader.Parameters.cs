using System.Collections.Generic;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using YamlDotNet.Core.Events;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>An entry's <c>parameters</c>: each item a name (<c>field</c>) or a mapping (<c>{ name: limit, type: int }</c>).</summary>
    public sealed partial class CatalogYamlReader
    {
        private static readonly string[] s_parameterKeys = { "name", "type" };

        private bool ReadParameters(ref RawEntry entry)
        {
            if (Current is Scalar scalar && IsNull(scalar))
            {
                Next();
                return true;
            }

            if (!(Current is SequenceStart start))
            {
                Report(DiagnosticIds.WrongStructure, Span(Current), $"'parameters' must be a list of names such as [field, value], not {KindOf(Current)}");
                SkipNode();
                return false;
            }

            var parameters = new List<RawScalar>();
            List<RawScalar>? types = null;
            bool ok = true;
            Next();
            while (!(Current is SequenceEnd))
            {
                if (Current is Scalar item)
                {
                    parameters.Add(new RawScalar(IsNull(item) ? null : item.Value, Span(item), Span(item)));
                    types?.Add(default);
                    Next();
                }
                else if (Current is MappingStart mapping)
                {
                    types ??= new List<RawScalar>(new RawScalar[parameters.Count]);
                    ok &= ReadTypedParameter(mapping, parameters, types);
                }
                else
                {
                    Report(DiagnosticIds.WrongStructure, Span(Current), $"Each parameter must be a name or a mapping such as {{ name: limit, type: int }}, not {KindOf(Current)}");
                    SkipNode();
                    ok = false;
                }
            }

            entry.ParametersSpan = Span(start, Current);
            entry.Parameters = parameters;
            entry.ParameterTypes = types;
            Next(); // SequenceEnd
            return ok;
        }

        /// <summary>Reads <c>{ name: limit, type: int }</c> (MappingStart current; leaves the event after its MappingEnd current).</summary>
        private bool ReadTypedParameter(MappingStart mapping, List<RawScalar> parameters, List<RawScalar> types)
        {
            RawScalar name = default;
            RawScalar type = default;
            bool ok = true;
            Next();
            while (!(Current is MappingEnd))
            {
                if (!(Current is Scalar key))
                {
                    Report(DiagnosticIds.WrongStructure, Span(Current), "A parameter's keys are 'name' and 'type'");
                    SkipNode();
                    SkipNode();
                    ok = false;
                    continue;
                }

                SourceSpan keySpan = Span(key);
                Next();
                if ((key.Value == "name" && name.IsPresent) || (key.Value == "type" && type.IsPresent))
                {
                    Report(DiagnosticIds.WrongStructure, keySpan, $"The key '{key.Value}' appears twice in the same parameter; remove one");
                    SkipNode();
                    ok = false;
                }
                else if (key.Value == "name")
                {
                    name = ReadScalar("name", keySpan, out bool read);
                    ok &= read;
                }
                else if (key.Value == "type")
                {
                    type = ReadScalar("type", keySpan, out bool read);
                    ok &= read;
                }
                else
                {
                    ReportUnknownKey(key.Value, keySpan, s_parameterKeys, "a parameter");
                    SkipNode();
                }
            }

            SourceSpan whole = Span(mapping, Current);
            Next(); // MappingEnd
            if (!name.IsPresent)
            {
                Report(DiagnosticIds.WrongStructure, whole, "A parameter mapping needs a 'name' (and optionally a 'type'), such as { name: limit, type: int }");
                return false;
            }

            parameters.Add(name);
            types.Add(type);
            return ok;
        }
    }
}

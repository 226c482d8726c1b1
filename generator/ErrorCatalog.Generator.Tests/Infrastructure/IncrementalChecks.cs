using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests.Infrastructure
{
    /// <summary>
    /// What every generator test checks of a second run over a clone of the compilation (what an edit
    /// elsewhere looks like to the generator): the pipeline did no work. A step that is not Cached or
    /// Unchanged — a step that reads the compilation and returns a value without value equality — or a
    /// pipeline value holding a Compilation, symbol, syntax node or location (which change identity on
    /// every edit) fails the test. (Checked to fail when the settings step reads the compilation and
    /// returns a value with an object identity in it.)
    /// </summary>
    public static class IncrementalChecks
    {
        private static readonly Type[] s_forbidden = { typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel) };

        /// <summary>Every step the generator tracks: each constant of <see cref="TrackingNames"/>, found by reflection so a new step is checked without being listed here.</summary>
        public static IReadOnlyList<string> TrackedSteps { get; } = StepNames(typeof(TrackingNames));

        /// <summary>The values of a tracking-name class's string constants.</summary>
        public static IReadOnlyList<string> StepNames(Type names)
            => names.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();

        public static void AssertSecondRunCached(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
        {
            GeneratorRunResult before = first.Results.Single();
            GeneratorRunResult after = second.Results.Single();
            Assert.Equal(before.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())), after.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
            Assert.Equal(before.Diagnostics.Select(d => d.ToString()), after.Diagnostics.Select(d => d.ToString()));

            foreach (string step in TrackedSteps)
            {
                // Every step ran in both runs, except those a project without catalog files never reaches.
                Assert.Equal(before.TrackedSteps.ContainsKey(step), after.TrackedSteps.ContainsKey(step));
                Assert.True(after.TrackedSteps.ContainsKey(step) || (before.GeneratedSources.Length == 0 && before.Diagnostics.Length == 0), $"step {step} was not tracked (generator exception: {before.Exception?.Message})");
                if (!after.TrackedSteps.ContainsKey(step))
                {
                    continue;
                }

                foreach (IncrementalGeneratorRunStep run in after.TrackedSteps[step])
                {
                    foreach ((object value, IncrementalStepRunReason reason) in run.Outputs)
                    {
                        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"second run, step {step}: {reason}");
                        AssertNoRoslynObjects(value, step);
                    }
                }
            }

            Assert.All(after.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
                output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        /// <summary>Walks a pipeline value's fields (collections element by element) looking for Roslyn objects.</summary>
        private static void AssertNoRoslynObjects(object root, string step)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<object>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                object value = pending.Pop();
                Type type = value.GetType();
                if (type.IsPrimitive || type.IsEnum || value is string || (!type.IsValueType && !seen.Add(value)))
                {
                    continue;
                }

                Assert.False(s_forbidden.Any(f => f.IsAssignableFrom(type)), $"step {step} holds a {type.Name}, which changes on every edit and defeats the cache");
                if (value is IEnumerable items)
                {
                    foreach (object? item in items)
                    {
                        if (item != null)
                        {
                            pending.Push(item);
                        }
                    }

                    if (type.IsArray)
                    {
                        continue;
                    }
                }

                for (Type? t = type; t != null && t != typeof(object); t = t.BaseType)
                {
                    foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                        {
                            continue;
                        }

                        object? fieldValue = field.GetValue(value);
                        if (fieldValue != null)
                        {
                            pending.Push(fieldValue);
                        }
                    }
                }
            }
        }
    }
}

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XException.Tracing.g.cs</c>, emitted only when the compilation can see <c>Activity</c> with
    /// <c>ActivityStatusCode</c> (<see cref="FrameworkIntegrations.Tracing"/>): <c>XException.RecordOn(Activity?)</c>
    /// tags a trace with the error the OpenTelemetry semantic conventions' way.
    /// </summary>
    internal static class TracingEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string self = ExternalForm.Self(c);
            SourceFile.Start(w, c.Options);
            w.Block(c.External
                ? $$"""
                    /// <summary>Tracing for <see cref="{{c.Names.ExceptionQualified}}"/>, a catalog that a referenced library owns.</summary>
                    {{SourceFile.GeneratedCodeAttribute}}
                    internal static partial class {{c.Names.TracingExtensions}}
                    """
                : $"public partial class {c.Names.Exception}");
            w.Block($$"""
                {
                    /// <summary>
                    /// Records this error on <paramref name="activity"/> as the OpenTelemetry semantic conventions ask:
                    /// the tag <c>error.type</c> set to <see cref="{{ExternalForm.Cref(c, "ErrorCode")}}"/>, the status <c>Error</c> with the message,
                    /// and an <c>exception</c> event with <c>exception.type</c>, <c>exception.message</c> and
                    /// <c>exception.stacktrace</c>. A null activity (nothing is listening) records nothing.
                    /// </summary>
                    /// <param name="activity">The activity to record on, such as <c>Activity.Current</c>; may be null.</param>{{ExternalForm.ReceiverDoc(c)}}
                    public {{(c.External ? $"static void RecordOn(this {c.Names.ExceptionQualified} exception, " : "void RecordOn(")}}global::System.Diagnostics.Activity{{q}} activity)
                    {
                        if (activity == null)
                        {
                            return;
                        }

                        activity.SetTag("error.type", {{self}}ErrorCode);
                        activity.SetStatus(global::System.Diagnostics.ActivityStatusCode.Error, {{self}}Message);
                        global::System.Diagnostics.ActivityTagsCollection tags = new global::System.Diagnostics.ActivityTagsCollection();
                        tags.Add("exception.type", {{self}}GetType().FullName);
                        tags.Add("exception.message", {{self}}Message);
                        tags.Add("exception.stacktrace", {{self}}ToString());
                        activity.AddEvent(new global::System.Diagnostics.ActivityEvent("exception", default(global::System.DateTimeOffset), tags));
                    }
                }
                """);
            return SourceFile.End(w, c.Options);
        }
    }
}

using System.Collections.Generic;

namespace ErrorCatalog.Core.Naming
{
    /// <summary>
    /// The logging vocabulary of a catalog: stable event ids, levels, and the names of the
    /// <c>XLog</c> methods (<c>Log&lt;Name&gt;</c>), kept clear of <c>LoggerExtensions</c>.
    /// </summary>
    public static class LogNames
    {
        /// <summary>The levels an entry's <c>level:</c> may name, as <c>Microsoft.Extensions.Logging.LogLevel</c> spells them.</summary>
        public static readonly string[] Levels = { "Trace", "Debug", "Information", "Warning", "Error", "Critical" };

        /// <summary>
        /// The methods of <c>LoggerExtensions</c> an entry's <c>Log&lt;Name&gt;</c> could be confused with
        /// (an entry named <c>Information</c> would give <c>LogInformation</c>): such a method gets
        /// <c>Error</c> appended (<c>LogInformationError</c>), again until the name is free.
        /// </summary>
        public static readonly string[] LoggerExtensionMethods = { "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope" };

        /// <summary>
        /// The event id of a code without <c>eventId:</c>: the 32-bit FNV-1a hash of the code's characters
        /// (for the ASCII codes catalogs hold, of its UTF-8 bytes), its low 31 bits, 1 where they are 0.
        /// It depends on the code alone, so reordering or inserting entries never changes it.
        /// </summary>
        public static int StableEventId(string code)
        {
            uint hash = 2166136261;
            foreach (char c in code)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            int id = (int)(hash & 0x7FFFFFFF);
            return id == 0 ? 1 : id;
        }

        /// <summary>The level of an entry without <c>level:</c>: 5xx <c>Error</c>, 4xx <c>Warning</c>, otherwise <c>Information</c>.</summary>
        public static string LevelOfStatus(int status) => status >= 500 ? "Error" : status >= 400 ? "Warning" : "Information";

        /// <summary>The catalog's method for a caught exception, such as <c>LogCodeArtsReqError</c>.</summary>
        public static string ExceptionMethod(string catalog) => "Log" + catalog + "Error";

        /// <summary>
        /// Each entry's <c>Log…</c> method name, in catalog order: <c>Log</c> + its member name, with
        /// <c>Error</c> appended while it would be a <c>LoggerExtensions</c> method, the exception method, or
        /// an earlier entry's method.
        /// </summary>
        public static string[] MethodNames(string catalog, IReadOnlyList<string> memberNames)
        {
            var taken = new HashSet<string>(LoggerExtensionMethods, System.StringComparer.Ordinal) { ExceptionMethod(catalog) };
            var names = new string[memberNames.Count];
            var plain = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (string member in memberNames)
            {
                plain.Add("Log" + member);
            }

            for (int i = 0; i < names.Length; i++)
            {
                string name = "Log" + memberNames[i];
                while (taken.Contains(name) || (name != "Log" + memberNames[i] && plain.Contains(name)))
                {
                    name += "Error";
                }

                taken.Add(name);
                names[i] = name;
            }

            return names;
        }
    }
}

using System.Collections.Generic;

namespace ErrorCatalog.Core.Naming
{
    /// <summary>
    /// The names of the types generated for one catalog <c>X</c>: <c>XErrorCodes</c>, <c>XError</c>,
    /// <c>XErrors</c>, <c>XException</c> and one <c>X…Exception</c> per HTTP status. The only place
    /// these names are spelled: the emitter, the validator, the analyzer's index and the code fix
    /// read them from here.
    /// </summary>
    public sealed class CatalogTypeNames
    {
        private const string CodesSuffix = "ErrorCodes";
        private const string ErrorSuffix = "Error";
        private const string ErrorsSuffix = "Errors";
        private const string ExceptionSuffix = "Exception";

        private readonly string _qualifier;

        /// <param name="catalog">The catalog name (the stem of every type name).</param>
        /// <param name="ns">The namespace of the generated types; null or empty for the global namespace.</param>
        public CatalogTypeNames(string catalog, string? ns)
        {
            Catalog = catalog;
            _qualifier = Qualifier(ns);
            Codes = CodesOf(catalog);
            Error = catalog + ErrorSuffix;
            Errors = ErrorsOf(catalog);
            Exception = catalog + ExceptionSuffix;
            HttpErrorHandler = catalog + "HttpErrorHandler";
            ExceptionHandler = catalog + "ExceptionHandler";
            Log = catalog + "Log";
            ErrorQualified = _qualifier + Error;
            ErrorsQualified = _qualifier + Errors;
            ExceptionQualified = _qualifier + Exception;
        }

        public string Catalog { get; }

        /// <summary>The constants class, <c>XErrorCodes</c>.</summary>
        public string Codes { get; }

        /// <summary>The descriptor class, <c>XError</c>.</summary>
        public string Error { get; }

        /// <summary>The catalog class with descriptors, lookups and formatters, <c>XErrors</c>.</summary>
        public string Errors { get; }

        /// <summary>The base exception, <c>XException</c>.</summary>
        public string Exception { get; }

        /// <summary>The <c>DelegatingHandler</c> that turns error responses into exceptions, <c>XHttpErrorHandler</c>.</summary>
        public string HttpErrorHandler { get; }

        /// <summary>The ASP.NET Core <c>IExceptionHandler</c> that answers the catalog's exceptions, <c>XExceptionHandler</c>.</summary>
        public string ExceptionHandler { get; }

        /// <summary>The logging extensions, <c>XLog</c>.</summary>
        public string Log { get; }

        public string ErrorQualified { get; }

        public string ErrorsQualified { get; }

        public string ExceptionQualified { get; }

        /// <summary>The constants class of a catalog (<c>XErrorCodes</c>).</summary>
        public static string CodesOf(string catalog) => catalog + CodesSuffix;

        /// <summary>The catalog class of a catalog (<c>XErrors</c>).</summary>
        public static string ErrorsOf(string catalog) => catalog + ErrorsSuffix;

        /// <summary>The fully qualified constant of an entry, such as <c>global::HuaweiCloud.CodeArtsReq.CodeArtsReqErrorCodes.ResourceNotFound</c>.</summary>
        public static string QualifiedConstant(string catalog, string? ns, string member) => Qualifier(ns) + CodesOf(catalog) + "." + member;

        /// <summary>The exception type of an HTTP status, such as <c>XNotFoundException</c>.</summary>
        public string StatusException(int status) => Catalog + HttpStatusNames.ExceptionStem(status) + ExceptionSuffix;

        public string QualifiedStatusException(int status) => _qualifier + StatusException(status);

        private static string Qualifier(string? ns) => string.IsNullOrEmpty(ns) ? "global::" : "global::" + ns + ".";
    }

    /// <summary>
    /// The members the generated <c>XErrors</c> class declares besides one property and one formatter
    /// per entry. Entry names must avoid all of them (<see cref="Reserved"/>); the emitter writes these
    /// constants, and a test compiles the generated class and finds no other member.
    /// </summary>
    public static class GeneratedMembers
    {
        // The public API.
        public const string All = "All";
        public const string TryGet = "TryGet";
        public const string Find = "Find";
        public const string IsKnown = "IsKnown";
        public const string GetHttpStatus = "GetHttpStatus";
        public const string IsRetryable = "IsRetryable";

        // The data and the lookup behind it.
        public const string AllArray = "AllArray";
        public const string CreateAll = "CreateAll";
        public const string Lookup = "Lookup";
        public const string ByCode = "ByCode";
        public const string CreateByCode = "CreateByCode";
        public const string DescriptorTexts = "DescriptorTexts";
        public const string DescriptorStatuses = "DescriptorStatuses";
        public const string DescriptorParameterCounts = "DescriptorParameterCounts";

        // The culture API and its tables (only for a catalog with culture overlays).
        public const string Cultures = "Cultures";
        public const string CultureNames = "CultureNames";
        public const string CultureTables = "CultureTables";
        public const string CultureCache = "CultureCache";
        public const string CultureChain = "CultureChain";
        public const string TranslatedText = "TranslatedText";
        public const string MessageCulture = "MessageCulture";

        // The typed formatters' shared helpers.
        public const string WriteText = "WriteText";
        public const string WriteValue = "WriteValue";
        public const string Finish = "Finish";
        public const string Compose = "Compose";
        public const string FormatArgument = "FormatArgument";

        /// <summary>The prefix of an entry's typed formatter: <c>Format&lt;Name&gt;</c>.</summary>
        public const string FormatterPrefix = "Format";

        /// <summary>
        /// The formatters' helpers: a formatter parameter with one of these names would hide the helper,
        /// so such a formatter calls them qualified.
        /// </summary>
        public static readonly IReadOnlyList<string> FormatterHelpers = new[] { WriteText, WriteValue, Finish, Compose, FormatArgument };

        /// <summary>
        /// Every name an entry's member (or its formatter) may not take in <c>XErrors</c>: the members
        /// above, <c>object</c>'s members, and <c>IndexOf</c>, generated by earlier versions and kept so
        /// that derived names never change.
        /// </summary>
        public static readonly IReadOnlyList<string> Reserved = new[]
        {
            All, TryGet, Find, IsKnown, GetHttpStatus, IsRetryable,
            AllArray, CreateAll, Lookup, ByCode, CreateByCode, DescriptorTexts, DescriptorStatuses, DescriptorParameterCounts,
            WriteText, WriteValue, Finish, Compose, FormatArgument,
            Cultures, CultureNames, CultureTables, CultureCache, CultureChain, TranslatedText, MessageCulture,
            "IndexOf",
            "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize",
        };

        /// <summary>The typed formatter of an entry.</summary>
        public static string Formatter(string entryName) => FormatterPrefix + entryName;
    }
}

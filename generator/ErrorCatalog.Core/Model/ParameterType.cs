namespace ErrorCatalog.Core.Model
{
    /// <summary>
    /// The types a formatter parameter may have (<c>{ name: limit, type: int }</c>) and how the
    /// generated C# spells them. A parameter given by name alone is <c>object</c>.
    /// </summary>
    public static class ParameterType
    {
        public const string Object = "object";

        /// <summary>Every type a catalog may name, in the order the documentation lists them.</summary>
        public static readonly string[] All = { "string", "int", "long", "double", "decimal", "bool", "Guid", "DateTime", "DateTimeOffset", "TimeSpan", Object };

        public static bool IsKnown(string? type) => type != null && System.Array.IndexOf(All, type) >= 0;

        /// <summary>The C# type of a parameter; <paramref name="nullable"/> is <c>?</c> where annotations are on, else empty.</summary>
        public static string CSharp(string type, string nullable) => type switch
        {
            "string" => "string" + nullable,
            Object => "object" + nullable,
            "Guid" => "global::System.Guid",
            "DateTime" => "global::System.DateTime",
            "DateTimeOffset" => "global::System.DateTimeOffset",
            "TimeSpan" => "global::System.TimeSpan",
            _ => type,
        };

        /// <summary>The type of parameter <paramref name="index"/> of <paramref name="entry"/>.</summary>
        public static string Of(ErrorEntry entry, int index)
            => entry.ParameterTypes.Count == 0 ? Object : entry.ParameterTypes[index];
    }
}

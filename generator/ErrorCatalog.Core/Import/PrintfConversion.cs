using System.Collections.Generic;

namespace ErrorCatalog.Core.Import
{
    /// <summary>The message with printf-style holes turned into placeholders, the parameters they make, and what was converted.</summary>
    public sealed record PrintfConversion(string Message, IReadOnlyList<ParameterText> Parameters, IReadOnlyList<string> Holes);
}

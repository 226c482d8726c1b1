using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// The descriptor texts of the generated errors class: per entry its code, name, message,
    /// description and solution, in catalog order. They are written as one string literal, the texts
    /// separated by a control character that none of them contains, and split at type
    /// initialization: one token for the compiler instead of five per entry (~20% of the compile
    /// at 10,000 entries, docs/performance.md). When every candidate separator occurs in some text,
    /// the table falls back to one literal per text.
    /// </summary>
    public static class DescriptorTable
    {
        /// <summary>Texts per entry, in the order the generated <c>CreateAll</c> reads them.</summary>
        public const int TextsPerEntry = 5;

        /// <summary>
        /// The separator: the first of U+001F, U+001E … U+0001 that no text of the catalog contains
        /// (YAML text holds such characters only through escapes, so nearly always U+001F); null when
        /// each of them occurs somewhere.
        /// </summary>
        public static char? Separator(CatalogModel model)
        {
            for (char candidate = '\u001F'; candidate > '\0'; candidate--)
            {
                if (!Contains(model, candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>The <paramref name="index"/>th text of an entry (0 code, 1 name, 2 message, 3 description, 4 solution).</summary>
        public static string Text(ErrorEntry entry, int index) => index switch
        {
            0 => entry.Code,
            1 => entry.Name,
            2 => entry.MessageTemplate,
            3 => entry.Description,
            _ => entry.Solution,
        };

        /// <summary>The length of the joined literal's value: every text plus a separator between each two.</summary>
        public static long JoinedLength(CatalogModel model)
        {
            long length = 0;
            foreach (ErrorEntry entry in model.Entries)
            {
                for (int i = 0; i < TextsPerEntry; i++)
                {
                    length += Text(entry, i).Length + 1;
                }
            }

            return length == 0 ? 0 : length - 1;
        }

        private static bool Contains(CatalogModel model, char c)
        {
            foreach (ErrorEntry entry in model.Entries)
            {
                for (int i = 0; i < TextsPerEntry; i++)
                {
                    if (Text(entry, i).IndexOf(c) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}

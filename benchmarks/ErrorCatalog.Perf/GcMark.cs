using System;

namespace ErrorCatalog.Perf
{
    /// <summary>The GC's collection counts and total pause at one moment, to report what happened since.</summary>
    internal readonly record struct GcMark(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
    {
        public static GcMark Now() => new GcMark(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        /// <summary>Collections by generation (gen0/1/2) and the pause since this mark.</summary>
        public string Since()
        {
            GcMark now = Now();
            return $"{now.Gen0 - Gen0}/{now.Gen1 - Gen1}/{now.Gen2 - Gen2}, paused {(now.Pause - Pause).TotalMilliseconds:F0} ms";
        }

        /// <summary>The GC pause since this mark, in milliseconds.</summary>
        public double PausedMilliseconds() => (GC.GetTotalPauseDuration() - Pause).TotalMilliseconds;
    }
}

namespace Tributary.Benchmarks;

/// <summary>What <see cref="SoakRun"/> measured.</summary>
internal sealed record SoakFigures(long Calls, long Errors, double RssAfterFirstMb, double RssAfterAllMb)
{
    public double Growth => RssAfterAllMb / RssAfterFirstMb - 1;
}

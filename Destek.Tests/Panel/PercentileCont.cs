using Destek.Core.Panel;

namespace Destek.Tests.Panel;

public sealed class PercentileCont
{
    /// <summary>percentile_cont by its definition, over a sorted copy.</summary>
    private static double BySorting(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        return low + 1 < sorted.Length ? sorted[low] + ((position - low) * (sorted[low + 1] - sorted[low])) : sorted[low];
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 7)]
    [InlineData(3, 3)]
    [InlineData(4, 1)]
    public void SelectsWhatSortingWouldFind(int seed, int distinct)
    {
        var random = new Random(seed);
        foreach (var n in new[] { 1, 2, 3, 10, 101, 5000 })
        {
            var values = Enumerable.Range(0, n).Select(_ => (double)random.Next(distinct) * 60).ToArray();
            foreach (var p in new[] { 0, 0.5, 0.9, 1 })
            {
                Assert.Equal(BySorting(values, p), Percentile.Cont((double[])values.Clone(), p), 6);
            }
        }
    }

    [Fact]
    public void ComputesBothFiguresFromOneArray()
    {
        double[] hours = [10, 1, 4, 3, 2];
        var values = hours.Select(h => h * 3600).ToArray();

        Assert.Equal(3 * 3600, Percentile.Cont(values, 0.5), 6);
        Assert.Equal(7.6 * 3600, Percentile.Cont(values, 0.9), 6);
    }

    [Fact]
    public void RefusesNoValues() => Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Cont([], 0.5));
}

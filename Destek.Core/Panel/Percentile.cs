namespace Destek.Core.Panel;

/// <summary>Percentiles of durations the panel reads itself (SQLite has no percentile_cont).</summary>
public static class Percentile
{
    /// <summary>
    /// percentile_cont: the value at position p(n − 1) of the values in order, between the two values around it. The
    /// values are reordered (selected, not sorted: linear time).
    /// </summary>
    public static double Cont(Span<double> values, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var position = p * (values.Length - 1);
        var low = (int)Math.Floor(position);
        var at = Select(values, low);
        if (low + 1 >= values.Length)
        {
            return at;
        }

        // After the selection everything right of low is at least values[low]; the next in order is their minimum.
        var next = double.MaxValue;
        for (var i = low + 1; i < values.Length; i++)
        {
            next = Math.Min(next, values[i]);
        }

        return at + ((position - low) * (next - at));
    }

    /// <summary>Hoare's selection: puts the k-th smallest at k, the smaller ones left of it and the larger right.</summary>
    private static double Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var pivot = MedianOfThree(a[lo], a[lo + ((hi - lo) / 2)], a[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }

        return a[k];
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}

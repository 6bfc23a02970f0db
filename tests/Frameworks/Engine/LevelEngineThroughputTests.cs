namespace Warehouse.Frameworks.Tests;

/// <summary>
/// The engine runs over every consultation in the warehouse, so it must not allocate. This asserts that (and the
/// results); it asserts nothing about time – benchmarks live in bench/.
/// </summary>
public sealed class LevelEngineThroughputTests
{
    [Fact]
    public void AMillionIndications_AllocateNothing()
    {
        var f = ShippedFiles.Warwickshire;
        var random = new Random(20250623);
        var sets = Enumerable.Range(0, 1024)
            .Select(_ => Enumerable.Range(0, random.Next(0, 7)).Select(_ => random.Next(f.Indicators.Count)).ToArray())
            .ToArray();
        var behind = new int[16];
        var expected = new int[5];
        foreach (var set in sets)
        {
            expected[LevelEngine.Indicate(f, set, behind).Level ?? 0]++;
        }

        var counts = new int[5];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < 1_000_000; n++)
        {
            var result = LevelEngine.Indicate(f, sets[n & 1023], behind);
            counts[result.Level ?? 0]++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_000_000, counts.Sum());
        for (var level = 0; level < 5; level++)
        {
            // 1,000,000 = 976 full passes over the 1024 sets plus the first 576.
            var partial = sets.Take(576).Count(s => (LevelEngine.Indicate(f, s).Level ?? 0) == level);
            Assert.Equal((expected[level] * 976) + partial, counts[level]);
        }
    }
}

using System.Text;
using Quire.Messaging.Wire;

namespace Quire.Messaging.Tests.Wire;

public sealed class ReplayGuardTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1000)]
    public void Verdicts_MatchASetWithAQueue_ThroughManyEvictions(int capacity)
    {
        // Signatures drawn from a small pool repeat often, both inside and beyond the window; that exercises the
        // table's runs and the moves that close the gap an eviction leaves.
        var random = new Random(capacity);
        var pool = Enumerable.Range(0, (capacity * 3) + 5).Select(_ => Signature(random)).ToArray();
        var guard = new ReplayGuard(capacity);
        var seen = new HashSet<string>();
        var order = new Queue<string>();

        for (var i = 0; i < 20_000; i++)
        {
            var signature = pool[random.Next(pool.Length)];
            var expected = seen.Add(signature);
            if (expected)
            {
                order.Enqueue(signature);
                if (order.Count > capacity)
                {
                    seen.Remove(order.Dequeue());
                }
            }

            Assert.True(expected == guard.TryRecord(Encoding.ASCII.GetBytes(signature)), $"step {i}: {signature} should be {(expected ? "new" : "a replay")}");
        }
    }

    [Fact]
    public void AllZeroSignature_IsRememberedAndForgottenLikeAnyOther()
    {
        var zero = Encoding.ASCII.GetBytes(new string('0', 64));
        var guard = new ReplayGuard(capacity: 1);

        Assert.True(guard.TryRecord(zero));
        Assert.False(guard.TryRecord(zero));
        Assert.True(guard.TryRecord("a"u8));
        Assert.True(guard.TryRecord(zero));
    }

    private static string Signature(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}

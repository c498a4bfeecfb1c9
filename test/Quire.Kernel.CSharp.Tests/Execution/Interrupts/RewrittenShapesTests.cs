using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution.Interrupts;

/// <summary>Cells whose every loop, method and lambda the interrupt rewriter touches still compute what they did.</summary>
public sealed class RewrittenShapesTests
{
    public static TheoryData<string, string> Shapes => new()
    {
        { "var i = 0;\ntop: i++;\nif (i < 5) goto top;\ni", "5" },
        { "IEnumerable<int> Gen() { for (var i = 0; i < 3; i++) yield return i; }\nGen().Sum()", "3" },
        { "async Task<int> Twice(int x) => await Task.FromResult(x * 2);\nawait Twice(21)", "42" },
        { "async Task Nop() => await Task.Yield();\nawait Nop();\n1", "1" },
        { "int[] arr = { 1, 2 };\nref int First(int[] a) => ref a[0];\nFirst(arr) = 7;\narr[0]", "7" },
        { "Func<int, int> sq = static x => x * x;\nsq(5)", "25" },
        { "var list = new List<int>();\nAction<int> add = x => list.Add(x);\nadd(3);\nlist.Count", "1" },
        { "await Task.Run(() => 42)", "42" },
        { "System.Linq.Expressions.Expression<Func<int, int>> e = x => x + 1;\ne.Compile()(1)", "2" },
        { "new[] { 1, 2, 3 }.AsQueryable().Where(x => x > 1).Count()", "2" },
        { "class P { int _v; public int V => _v; public int W { get => _v + 1; set => _v = value; } public int this[int i] => i * 2; }\nvar p = new P();\np.W = 4;\np.V + p.W + p[3]", "15" },
        { "record struct M(int V) { public static M operator +(M a, M b) => new(a.V + b.V); public static implicit operator int(M m) => m.V; }\nint r = new M(1) + new M(2);\nr", "3" },
        { "int Fail() => throw new InvalidOperationException(\"no\");\nvar m = \"\";\ntry { Fail(); } catch (InvalidOperationException e) { m = e.Message; }\nm", "no" },
        { "var n = 0;\ndo n++; while (n < 4);\nn", "4" },
        { "var sum = 0;\nforeach (var (a, b) in new[] { (1, 2), (3, 4) }) sum += a + b;\nsum", "10" },
        { "async IAsyncEnumerable<int> Items() { yield return 1; await Task.Yield(); yield return 2; }\nvar s = 0;\nawait foreach (var x in Items()) s += x;\ns", "3" },
        { "Func<int, Func<int, int>> add = a => b => a + b;\nadd(1)(2)", "3" },
        { "var k = 1;\nswitch (k) { case 1: k = 10; goto case 2; case 2: k++; break; }\nk", "11" },
        { "class C { readonly int _x; public C(int x) => _x = x; public int X => _x; }\nnew C(4).X", "4" },
        { "static int Local(int x) { int Inner(int y) => y + 1; return Inner(x); }\nLocal(1)", "2" },
        { "Func<int> f = delegate { return 8; };\nf()", "8" },
        { "var xs = new List<int> { 3, 1, 2 };\nxs.Sort((a, b) => a.CompareTo(b));\nstring.Join(\",\", xs)", "1,2,3" },
        { "event Action? Changed;\nvar hits = 0;\nChanged += () => hits++;\nChanged?.Invoke();\nhits", "1" },
        { "var ys = new[] { 1, 2, 3 }.Select((x, i) => x * i).ToArray();\nys[2]", "6" },
        { "void Nothing() { }\nNothing();\n\"ok\"", "ok" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task RewrittenCell_ComputesTheSameValue(string code, string expected)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(code);

        Assert.True(result.IsOk, $"{result.Reply.Ename}: {result.Reply.Evalue}");
        Assert.Equal([expected], result.Results);
    }
}

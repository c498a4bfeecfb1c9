using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Json;

public sealed class PythonFloatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(1e300, "1e+300")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(3.141592653589793, "3.141592653589793")]
    [InlineData(100.0, "100.0")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    public void Repr_MatchesPython(double value, string expected) => Assert.Equal(expected, PythonFloat.Repr(value));
}

namespace Quire.Conformance.Server;

/// <summary>The client scenarios against <c>quire serve</c>: JupyterLab's client library works against Quire unchanged.</summary>
[Trait("Server", "Quire")]
public sealed class QuireServeConformanceTests(QuireServeUnderTest server) : ServerConformanceTests<QuireServeUnderTest>(server);

namespace Quire.Conformance.Server;

/// <summary>The client scenarios against Debian's jupyter-server: proof that the scenarios themselves are right.</summary>
[Trait("Server", "JupyterServer")]
public sealed class JupyterServerConformanceTests(JupyterServerUnderTest server) : ServerConformanceTests<JupyterServerUnderTest>(server);

namespace Quire.Benchmarks.Server;

/// <summary>
/// What one run of the server benchmark measures. <see cref="Notebooks"/> holds <c>contents-*.ipynb</c> (the GET/PUT
/// sizes) and <c>concurrent.ipynb</c> (the notebook of the concurrent GETs); each server serves its own copy of it.
/// </summary>
/// <param name="QuireDll">The Release build of the CLI (<c>quire.dll</c>), started as <c>dotnet quire.dll serve</c>.</param>
/// <param name="Notebooks">The generated notebooks.</param>
/// <param name="WorkDirectory">Where the servers' roots, state and logs go.</param>
/// <param name="Rounds">Interleaved rounds; in each, every measure runs on both servers (which goes first alternates).</param>
/// <param name="Passes">Timed GETs and PUTs of each notebook per round and server (after one untimed of each in round 1).</param>
/// <param name="Workers">Concurrent clients of the concurrent GETs.</param>
/// <param name="Seconds">How long the concurrent GETs run per round and server.</param>
/// <param name="Kernels">How many kernels are started at once.</param>
/// <param name="Executes">Timed <c>1+1</c> executes per server and path (legacy WebSocket, v1 WebSocket, ZeroMQ), split over the rounds.</param>
internal sealed record ServerSettings(
    string QuireDll,
    string Notebooks,
    string WorkDirectory,
    int Rounds,
    int Passes,
    int Workers,
    int Seconds,
    int Kernels,
    int Executes)
{
    /// <summary>Untimed executes before each timed block: JIT, sockets and the kernel's first-execution costs.</summary>
    public const int WarmUpExecutes = 30;

    public int ExecutesPerRound => Math.Max(1, (Executes + Rounds - 1) / Rounds);
}

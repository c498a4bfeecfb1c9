namespace Quire.Server.Kernels;

/// <summary>The <c>execution_state</c> values a kernel model shows.</summary>
internal static class KernelStates
{
    public const string Starting = "starting";
    public const string Idle = "idle";
    public const string Busy = "busy";
    public const string Restarting = "restarting";
    public const string Dead = "dead";
}

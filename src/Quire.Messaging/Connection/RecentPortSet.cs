namespace Quire.Messaging.Connection;

/// <summary>The ports handed out most recently (bounded, oldest forgotten first).</summary>
internal sealed class RecentPortSet(int capacity)
{
    private readonly HashSet<int> _ports = [];
    private readonly Queue<int> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Records the port; false when it was handed out recently.</summary>
    public bool TryAdd(int port)
    {
        lock (_lock)
        {
            if (!_ports.Add(port))
            {
                return false;
            }

            _order.Enqueue(port);
            if (_order.Count > capacity)
            {
                _ports.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Tests.Fakes;

/// <summary>A <see cref="KernelClient"/> wired to a <see cref="FakeKernel"/> in memory, on a clock the test moves.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public ClientHarness(KernelClientOptions? options = null)
    {
        Kernel = new FakeKernel(Channels);
        Client = new KernelClient(Channels, options, Log, Time);
        Client.IOPubReceived += (_, message) => IOPub.Enqueue(message);
    }

    public InMemoryClientChannels Channels { get; } = new();

    public FakeKernel Kernel { get; }

    public FakeTimeProvider Time { get; } = new();

    public ListLogger<KernelClient> Log { get; } = new();

    public KernelClient Client { get; }

    public ConcurrentQueue<JupyterMessage> IOPub { get; } = new();

    /// <summary>Waits for <paramref name="task"/>, failing with <paramref name="what"/> if it takes too long.</summary>
    public static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"expected {what} within {Wait.TotalSeconds} s");
        }
    }

    /// <summary>
    /// Returns once the client's iopub loop has dispatched everything delivered so far: a marker published last has
    /// been raised to <see cref="KernelClient.IOPubReceived"/>, and the loop handles messages in order.
    /// </summary>
    public async Task IOPubDrainedAsync()
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var published = Kernel.Session.Create(MessageTypes.CommMsg, new CommMsg { CommId = "drain" }, FakeKernel.Json.CommMsg);
        void OnMessage(object? sender, JupyterMessage message)
        {
            if (message.MsgId == published.MsgId)
            {
                marker.TrySetResult();
            }
        }

        // Subscribed before delivery: the loop may dispatch the marker the moment it is written.
        Client.IOPubReceived += OnMessage;
        try
        {
            Channels.Deliver(KernelChannel.IOPub, published);
            await Within(marker.Task.ContinueWith(_ => true, TaskScheduler.Default), "the iopub marker to be dispatched");
        }
        finally
        {
            Client.IOPubReceived -= OnMessage;
        }
    }

    /// <summary>Returns once the client's shell loop has dispatched everything delivered so far (a kernel_info round trip).</summary>
    public async Task ShellDrainedAsync()
    {
        var info = Client.KernelInfoAsync(cancellationToken: TestContext.Current.CancellationToken);
        var request = await Kernel.ReceiveAsync(KernelChannel.Shell);
        Kernel.Reply(KernelChannel.Shell, request, MessageTypes.KernelInfoReply, new KernelInfoReply(), FakeKernel.Json.KernelInfoReply);
        await Within(info, "the kernel_info_reply marker");
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}

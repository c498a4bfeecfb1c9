using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Tests.Fakes;

namespace Quire.Messaging.Tests.Client;

/// <summary>SettleAsync: after a kernel died, what it sent before is read before anyone acts on the death.</summary>
public sealed class KernelClientSettleTests : IAsyncDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(500);
    private readonly ClientHarness _h = new();

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Settle_ReturnsOnlyOnceNothingWasDispatchedForTheQuietTime()
    {
        await _h.IOPubDrainedAsync();

        // The last dispatch was just now (on the fake clock): the quiet time runs from it.
        var settle = _h.Client.SettleAsync(Quiet, Limit, TestContext.Current.CancellationToken);
        _h.Time.Advance(Quiet - TimeSpan.FromMilliseconds(1));
        Assert.False(settle.IsCompleted, "SettleAsync returned before the client had been quiet for the quiet time");

        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        await ClientHarness.Within(settle.ContinueWith(_ => true, TaskScheduler.Default), "SettleAsync to return once quiet");
        Assert.True(settle.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Settle_WaitsTheQuietTime_EvenWhenTheLastMessageWasLongAgo()
    {
        // A kernel that has just died may have sent its last messages without the client having read them yet.
        await _h.IOPubDrainedAsync();
        _h.Time.Advance(TimeSpan.FromSeconds(5));

        var settle = _h.Client.SettleAsync(Quiet, Limit, TestContext.Current.CancellationToken);
        _h.Time.Advance(Quiet - TimeSpan.FromMilliseconds(1));
        Assert.False(settle.IsCompleted, "SettleAsync returned before the quiet time had passed since it was called");

        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        await ClientHarness.Within(settle.ContinueWith(_ => true, TaskScheduler.Default), "SettleAsync to return once quiet");
    }

    [Fact]
    public async Task Settle_StartsTheQuietTimeAgain_WhenAMessageArrives()
    {
        await _h.IOPubDrainedAsync();
        var settle = _h.Client.SettleAsync(Quiet, Limit, TestContext.Current.CancellationToken);
        _h.Time.Advance(TimeSpan.FromMilliseconds(30));

        // A message read 30 ms in: the client is quiet again only 50 ms after it.
        await _h.IOPubDrainedAsync();
        _h.Time.Advance(TimeSpan.FromMilliseconds(30));
        Assert.False(settle.IsCompleted, "SettleAsync returned 30 ms after the last message, before the quiet time");

        _h.Time.Advance(TimeSpan.FromMilliseconds(20));
        await ClientHarness.Within(settle.ContinueWith(_ => true, TaskScheduler.Default), "SettleAsync to return 50 ms after the last message");
    }

    [Fact]
    public async Task Settle_GivesUpAtTheLimit_WhileMessagesKeepComing()
    {
        await _h.IOPubDrainedAsync();
        var settle = _h.Client.SettleAsync(Quiet, Limit, TestContext.Current.CancellationToken);
        for (var elapsed = TimeSpan.Zero; elapsed < Limit; elapsed += TimeSpan.FromMilliseconds(40))
        {
            Assert.False(settle.IsCompleted, $"SettleAsync returned at {elapsed.TotalMilliseconds} ms while messages kept coming");
            _h.Time.Advance(TimeSpan.FromMilliseconds(40));
            await _h.IOPubDrainedAsync();
        }

        _h.Time.Advance(Quiet);
        await ClientHarness.Within(settle.ContinueWith(_ => true, TaskScheduler.Default), "SettleAsync to stop waiting at its limit");
        Assert.Contains(_h.IOPub, m => m.MsgType == MessageTypes.CommMsg);
    }
}

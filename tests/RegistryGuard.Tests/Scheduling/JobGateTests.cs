using RegistryGuard.Scheduling;

namespace RegistryGuard.Tests.Scheduling;

public sealed class JobGateTests
{
    [Fact]
    public async Task Read_only_jobs_run_together_and_a_mutating_job_waits_for_those_of_its_registry()
    {
        var gate = new JobGate();
        var probe = await gate.EnterAsync("main", mutating: false, CancellationToken.None);
        var scan = await gate.EnterAsync("main", mutating: false, CancellationToken.None);

        var prune = gate.EnterAsync("main", mutating: true, CancellationToken.None);
        Assert.False(prune.IsCompleted);
        probe.Dispose();
        Assert.False(prune.IsCompleted);
        scan.Dispose();

        (await prune).Dispose();
    }

    [Fact]
    public async Task A_read_only_job_waits_while_its_registry_changes_and_a_probe_of_another_registry_does_not()
    {
        var gate = new JobGate();
        var gc = await gate.EnterAsync("main", mutating: true, CancellationToken.None);

        var probeMain = gate.EnterAsync("main", mutating: false, CancellationToken.None);
        var probeCache = gate.EnterAsync("cache", mutating: false, CancellationToken.None);

        Assert.False(probeMain.IsCompleted);
        Assert.True(probeCache.IsCompletedSuccessfully);
        gc.Dispose();
        (await probeMain).Dispose();
        (await probeCache).Dispose();
    }

    [Fact]
    public async Task Mutating_jobs_never_run_together_even_on_different_registries()
    {
        var gate = new JobGate();
        var gc = await gate.EnterAsync("main", mutating: true, CancellationToken.None);

        var scanFix = gate.EnterAsync("cache", mutating: true, CancellationToken.None);
        Assert.False(scanFix.IsCompleted);
        gc.Dispose();

        (await scanFix).Dispose();
    }

    [Fact]
    public async Task Jobs_are_let_in_in_the_order_they_came_so_probes_cannot_starve_a_prune()
    {
        var gate = new JobGate();
        var probe = await gate.EnterAsync("main", mutating: false, CancellationToken.None);
        var prune = gate.EnterAsync("main", mutating: true, CancellationToken.None);

        var laterProbe = gate.EnterAsync("main", mutating: false, CancellationToken.None); // would fit beside the first probe
        var otherRegistry = gate.EnterAsync("cache", mutating: false, CancellationToken.None);

        Assert.False(laterProbe.IsCompleted);
        Assert.True(otherRegistry.IsCompletedSuccessfully); // nothing ahead of it conflicts
        probe.Dispose();
        var pruning = await prune;
        Assert.False(laterProbe.IsCompleted);
        pruning.Dispose();
        (await laterProbe).Dispose();
        (await otherRegistry).Dispose();
    }

    [Fact]
    public async Task A_waiter_that_gives_up_lets_those_behind_it_in()
    {
        var gate = new JobGate();
        var probe = await gate.EnterAsync("main", mutating: false, CancellationToken.None);
        using var shutdown = new CancellationTokenSource();
        var prune = gate.EnterAsync("main", mutating: true, shutdown.Token);
        var laterProbe = gate.EnterAsync("main", mutating: false, CancellationToken.None);
        Assert.False(laterProbe.IsCompleted);

        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => prune);
        (await laterProbe).Dispose();
        probe.Dispose();
        (await gate.EnterAsync("main", mutating: true, CancellationToken.None)).Dispose(); // nothing left held
    }

    [Fact]
    public async Task Leaving_twice_counts_once()
    {
        var gate = new JobGate();
        var probe = await gate.EnterAsync("main", mutating: false, CancellationToken.None);
        var other = await gate.EnterAsync("main", mutating: false, CancellationToken.None);
        probe.Dispose();
        probe.Dispose();

        var prune = gate.EnterAsync("main", mutating: true, CancellationToken.None);

        Assert.False(prune.IsCompleted); // the second probe still runs
        other.Dispose();
        (await prune).Dispose();
    }
}

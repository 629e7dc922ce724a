using System.Net;
using RegistryGuard.Metrics;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Metrics;

/// <summary>The project's own push: PUT or POST by how the run ended, the exported text as the body, the gateway's reason in the error.</summary>
public sealed class PushgatewayClientTests
{
    private static readonly GroupingKey Key = new("registryguard-prune", [new MetricLabel("instance", "r:5000")]);

    [Fact]
    public async Task A_completed_run_replaces_the_group_and_a_failed_one_merges_into_it()
    {
        var bodies = new List<(HttpMethod Method, string ContentType, string Body)>();
        using var handler = new FakeHandler(request =>
        {
            using var reader = new StreamReader(request.Content!.ReadAsStream());
            bodies.Add((request.Method, request.Content.Headers.ContentType!.ToString(), reader.ReadToEnd()));
            return FakeHandler.Status(HttpStatusCode.OK);
        });
        using var client = new PushgatewayClient(new Uri("http://gateway:9091"), transport: handler);
        var completed = new RunMetrics([RunFamily.Gauge("registryguard_prune_run_success", "h", 1)], [RunFamily.Gauge("registryguard_prune_last_success_timestamp_seconds", "h", 7)], Completed: true);

        await client.PushAsync(Key, completed, CancellationToken.None);
        await client.PushAsync(Key, PruneMetrics.Failure(), CancellationToken.None);

        Assert.Equal([HttpMethod.Put, HttpMethod.Post], bodies.Select(b => b.Method));
        Assert.All(handler.Requests, r => Assert.Equal("http://gateway:9091/metrics/job/registryguard-prune/instance/r:5000", r.Uri.AbsoluteUri));
        Assert.All(bodies, b => Assert.Equal("text/plain; version=0.0.4; charset=utf-8", b.ContentType));
        Assert.Equal(await completed.ToTextAsync(CancellationToken.None), bodies[0].Body);
        Assert.Equal("registryguard_prune_run_success 0", bodies[1].Body.Split('\n')[2]);
        Assert.DoesNotContain("last_success", bodies[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_carries_the_status_and_the_gateway_reason()
    {
        using var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("pushed metrics are invalid or inconsistent with existing metrics: collected metric x was collected before"),
        });
        using var client = new PushgatewayClient(new Uri("http://gateway:9091/"), transport: handler);

        var refused = await Assert.ThrowsAsync<PushgatewayException>(() => client.PushAsync(Key, PruneMetrics.Failure(), CancellationToken.None));

        Assert.Equal(
            "the Pushgateway refused the push to group job=registryguard-prune,instance=r:5000: 400 BadRequest: "
            + "pushed metrics are invalid or inconsistent with existing metrics: collected metric x was collected before",
            refused.Message);
    }
}

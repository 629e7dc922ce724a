using RegistryGuard.Probing;

namespace RegistryGuard.Tests.Probing;

public sealed class DeepestFirstSchedulerTests
{
    [Fact]
    public async Task Deeper_work_is_handed_out_first_and_reading_ends_when_completed()
    {
        var scheduler = new DeepestFirstScheduler<string>(levels: 3);
        scheduler.Add("tags-a", 0);
        scheduler.Add("manifest-a", 1);
        scheduler.Add("tags-b", 0);
        scheduler.Add("blob-a", 2);
        scheduler.Add("manifest-b", 1);
        scheduler.Complete();

        var taken = new List<string>();
        await foreach (var item in scheduler.ReadAllAsync(CancellationToken.None))
        {
            taken.Add(item);
        }

        Assert.Equal(["blob-a", "manifest-a", "manifest-b", "tags-a", "tags-b"], taken);
    }
}

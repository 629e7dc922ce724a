using RegistryGuard.Pruning.Planning;

namespace RegistryGuard.Tests.Pruning.Planning;

public sealed class NaturalTagComparerTests
{
    [Fact]
    public void Runs_of_digits_compare_as_numbers()
    {
        string[] tags = ["v10", "v5", "v9", "v10a", "v010", "1.10.0", "1.9.2", "latest-2", "latest-11"];

        var ordered = tags.Order(NaturalTagComparer.Instance).ToList();

        Assert.Equal(["1.9.2", "1.10.0", "latest-2", "latest-11", "v5", "v9", "v010", "v10", "v10a"], ordered);
    }
}

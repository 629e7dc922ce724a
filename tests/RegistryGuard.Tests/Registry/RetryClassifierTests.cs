using System.Net;
using System.Net.Http.Headers;
using RegistryGuard.Registry;

namespace RegistryGuard.Tests.Registry;

public sealed class RetryClassifierTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    public void Only_transient_statuses_are_retried(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, RetryClassifier.IsTransient(status));

    [Fact]
    public void Retry_after_in_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 4, 19, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(7), RetryClassifier.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryClassifier.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(30)), now));
        Assert.Equal(TimeSpan.Zero, RetryClassifier.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-30)), now));
        Assert.Null(RetryClassifier.RetryAfter(null, now));
    }
}

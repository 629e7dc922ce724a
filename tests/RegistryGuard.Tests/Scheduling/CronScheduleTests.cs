using RegistryGuard.Scheduling;

namespace RegistryGuard.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Friday = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero); // a Friday

    [Theory]
    [InlineData("0 3 * * *", "2026-05-02T03:00:00+00:00")]
    [InlineData("0 3 * * 0", "2026-05-03T03:00:00+00:00")] // crontab 0 = Sunday
    [InlineData("0 3 * * 7", "2026-05-03T03:00:00+00:00")] // and so is 7
    [InlineData("0 3 * * 1-5", "2026-05-04T03:00:00+00:00")]
    [InlineData("25 3 * * SUN", "2026-05-03T03:25:00+00:00")]
    [InlineData("@daily", "2026-05-02T00:00:00+00:00")]
    [InlineData("*/10 * * * * *", "2026-05-01T12:00:10+00:00")] // six fields: seconds first
    public void Crontab_and_seconds_forms_fire_when_expected(string text, string expected)
    {
        var schedule = CronSchedule.Parse(text, TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.NextAfter(Friday));
    }

    [Theory]
    [InlineData("")]
    [InlineData("* * *")]
    [InlineData("0 3 * * 8")]
    [InlineData("0 25 * * *")]
    [InlineData("a b c d e")]
    public void Nonsense_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(text, TimeZoneInfo.Utc));
}

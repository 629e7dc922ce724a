using Quartz;

namespace RegistryGuard.Scheduling;

/// <summary>
/// A cron schedule in a time zone, evaluated by Quartz's <see cref="CronExpression"/>. Accepts the crontab form
/// (five fields, day-of-week 0-7 with 0 and 7 Sunday, and the @daily-style macros, read by Quartz's
/// <see cref="CronFormat.Unix"/>) and, for short lab or test schedules, six fields: a seconds field followed by
/// the same five crontab fields.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo timeZone)
    {
        Text = text;
        _expression = expression;
        TimeZone = timeZone;
    }

    public string Text { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The schedule in Quartz's canonical spelling (what it is evaluated as).</summary>
    public string QuartzForm => _expression.CronExpressionString;

    /// <exception cref="FormatException">The expression is not a schedule; the message says why.</exception>
    public static CronSchedule Parse(string text, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(timeZone);
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        try
        {
            var expression = fields.Length switch
            {
                6 => WithSeconds(fields[0], string.Join(' ', fields[1..])),
                1 when fields[0].StartsWith('@') => CronExpression.Parse(fields[0], CronFormat.Unix),
                5 => CronExpression.Parse(string.Join(' ', fields), CronFormat.Unix),
                _ => throw new FormatException($"{fields.Length} fields; expected 5 (minute hour day-of-month month day-of-week), 6 (a seconds field first) or a macro such as @daily"),
            };
            return new CronSchedule(text, expression.WithTimeZone(timeZone), timeZone);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new FormatException($"'{text}' is not a cron schedule: {ex.Message}", ex);
        }
    }

    /// <summary>The first fire time strictly after <paramref name="after"/>, or null if the schedule never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => _expression.GetNextValidTimeAfter(after);

    public override string ToString() => Text;

    private static CronExpression WithSeconds(string seconds, string crontab)
    {
        // Quartz's own form is "seconds minutes …": let the crontab reader translate the five fields, then put the
        // seconds in front of its translation.
        var minutesOnward = CronExpression.Parse(crontab, CronFormat.Unix).CronExpressionString.Split(' ', 2)[1];
        return CronExpression.Parse($"{seconds} {minutesOnward}", CronFormat.Quartz);
    }
}

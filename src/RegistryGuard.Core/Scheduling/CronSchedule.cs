using Cronos;

namespace RegistryGuard.Scheduling;

/// <summary>
/// A cron schedule in a time zone, evaluated by Cronos. Accepts the crontab form (five fields, day-of-week 0-7
/// with 0 and 7 Sunday, and the @daily-style macros) and, for short lab or test schedules, six fields: a seconds
/// field followed by the same five crontab fields.
/// </summary>
/// <remarks>
/// Across daylight saving changes Cronos fires a wall-clock time the spring change skips once, at the instant the
/// clocks jumped to, and a time the autumn change repeats once, at its first occurrence.
/// </remarks>
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

    /// <summary>
    /// False for a schedule no date matches, such as <c>0 0 30 2 *</c>. Cron has no year field, so the dates repeat
    /// with the 400-year Gregorian cycle and a search from 1970 (Cronos looks as far as its year 2499) sees them all.
    /// </summary>
    public bool EverFires => _expression.GetNextOccurrence(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc) is not null;

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
                6 => CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds),
                1 when fields[0].StartsWith('@') => CronExpression.Parse(fields[0], CronFormat.Standard),
                5 => CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard),
                _ => throw new FormatException($"{fields.Length} fields; expected 5 (minute hour day-of-month month day-of-week), 6 (a seconds field first) or a macro such as @daily"),
            };
            return new CronSchedule(text, expression, timeZone);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new FormatException($"'{text}' is not a cron schedule: {ex.Message}", ex);
        }
    }

    /// <summary>The first fire time strictly after <paramref name="after"/> (in UTC), or null if the schedule never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => _expression.GetNextOccurrence(after, TimeZone)?.ToUniversalTime();

    public override string ToString() => Text;
}

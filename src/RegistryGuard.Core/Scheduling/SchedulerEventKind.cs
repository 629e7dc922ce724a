namespace RegistryGuard.Scheduling;

public enum SchedulerEventKind
{
    Started,
    Skipped,
    Finished,
}

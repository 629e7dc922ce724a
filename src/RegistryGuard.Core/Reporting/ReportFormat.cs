namespace RegistryGuard.Reporting;

public enum ReportFormat
{
    Text,
    Json,
}

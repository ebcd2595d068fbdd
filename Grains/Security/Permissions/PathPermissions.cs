namespace Topiary.Security;

/// <summary>The path permissions of spec/security.md SEC-41, as flags so a union of assignments is one OR.</summary>
[Flags]
public enum PathPermissions
{
    None = 0,
    SelectTopic = 1 << 0,
    ReadTopic = 1 << 1,
    UpdateTopic = 1 << 2,
    ModifyTopic = 1 << 3,
    AcquireLock = 1 << 4,
    SendToMessageHandler = 1 << 5,
    SendToSession = 1 << 6,
    QueryObsoleteTimeSeriesEvents = 1 << 7,
    EditTimeSeriesEvents = 1 << 8,
    EditOwnTimeSeriesEvents = 1 << 9,
    ExposeBranch = 1 << 10,

    /// <summary>All eleven.</summary>
    All = (1 << 11) - 1,
}

namespace Topiary.Errors;

/// <summary>
/// The stable error codes of spec/errors.md ERR-10 and ERR-11. A code never changes meaning;
/// new codes may be appended. The wire name is the upper-snake form (<see cref="ErrorCodeInfo.WireName"/>).
/// </summary>
public enum ErrorCode
{
    InvalidArgument = 1000,
    InvalidPath = 1001,
    InvalidSelector = 1002,
    InvalidSpecification = 1003,
    InvalidViewSpecification = 1004,
    InvalidSessionFilter = 1005,
    InvalidScript = 1006,
    InvalidValue = 1007,
    IncompatibleType = 1008,
    InvalidName = 1009,
    InvalidOption = 1010,
    Unsupported = 1011,

    NotFound = 2000,
    Conflict = 2001,
    ExistsIncompatible = 2002,
    ConstraintFailed = 2003,
    ExclusiveUpdaterConflict = 2004,
    UpdateSourceNotActive = 2005,
    Fenced = 2006,
    InvalidUpdateStream = 2007,
    RegistrationConflict = 2008,
    PatchFailed = 2009,

    PermissionDenied = 3000,
    AuthenticationFailed = 3001,
    SessionClosed = 3002,
    UnknownSession = 3003,
    ProtocolVersionMismatch = 3004,

    RateLimited = 4000,
    LimitExceeded = 4001,

    ClusterUnavailable = 5000,
    Retryable = 5001,
    Timeout = 5002,
    OutcomeUnknown = 5003,
    InternalError = 5004,
    ServerInitialising = 5005,
}

namespace Topiary.Security;

/// <summary>Who applies a script, for the audit log: the session's principal and id.</summary>
public sealed record ScriptAuthor(string Principal, string SessionId);

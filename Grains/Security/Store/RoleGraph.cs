namespace Topiary.Security;

/// <summary>Role inclusion (SEC-21, SEC-22): effective roles, and the cycle check.</summary>
public static class RoleGraph
{
    /// <summary>The assigned roles plus, transitively, every role they include.</summary>
    public static HashSet<string> Effective(IReadOnlyDictionary<string, RoleRecord> roles, IEnumerable<string> assigned)
    {
        var effective = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(assigned);
        while (pending.TryPop(out var role))
        {
            if (effective.Add(role) && roles.TryGetValue(role, out var record))
            {
                foreach (var included in record.Includes)
                {
                    pending.Push(included);
                }
            }
        }
        return effective;
    }

    /// <summary>
    /// A cycle through <paramref name="start"/>, as the roles on it from <paramref name="start"/>
    /// back to <paramref name="start"/> (<c>[A, B, A]</c>), or null when there is none.
    /// </summary>
    public static List<string>? CycleThrough(IReadOnlyDictionary<string, RoleRecord> roles, string start)
    {
        var path = new List<string> { start };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return Search(roles, start, start, path, visited) ? path : null;
    }

    private static bool Search(IReadOnlyDictionary<string, RoleRecord> roles, string start, string role, List<string> path, HashSet<string> visited)
    {
        if (!roles.TryGetValue(role, out var record))
        {
            return false;
        }
        foreach (var included in record.Includes)
        {
            path.Add(included);
            if (included == start || (visited.Add(included) && Search(roles, start, included, path, visited)))
            {
                return true;
            }
            path.RemoveAt(path.Count - 1);
        }
        return false;
    }
}

namespace Maestro.Grains.Workflows;

/// <summary>
/// The dependency graph of a definition's steps: cycles, a deterministic topological order (declaration order among
/// ready steps), ancestors, and the critical path. Unknown dependencies are ignored here; the validator reports them.
/// </summary>
public sealed class WorkflowGraph
{
    private readonly IReadOnlyList<string> ids;
    private readonly Dictionary<string, string[]> dependsOn;

    public WorkflowGraph(IEnumerable<StepDefinition> steps)
    {
        var list = steps.ToList();
        ids = [.. list.Select(s => s.Id).Distinct(StringComparer.Ordinal)];
        var known = ids.ToHashSet(StringComparer.Ordinal);
        dependsOn = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var step in list)
        {
            dependsOn.TryAdd(step.Id, [.. step.Depends.Select(d => d.StepId).Where(known.Contains).Distinct(StringComparer.Ordinal)]);
        }
    }

    public IReadOnlyList<string> StepIds => ids;

    public IReadOnlyList<string> DependenciesOf(string id) => dependsOn[id];

    /// <summary>Each cycle once, as the steps along it starting and ending with the same step.</summary>
    public IReadOnlyList<IReadOnlyList<string>> FindCycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        var state = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal); // 0 new, 1 on the stack, 2 done
        var stack = new List<string>();

        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var dependency in dependsOn[id])
            {
                if (state[dependency] == 1)
                {
                    var start = stack.IndexOf(dependency);
                    cycles.Add([.. stack.Skip(start), dependency]);
                }
                else if (state[dependency] == 0)
                {
                    Visit(dependency);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in ids)
        {
            if (state[id] == 0)
            {
                Visit(id);
            }
        }

        return cycles;
    }

    /// <summary>Kahn's algorithm; among steps ready at the same time, the one declared first comes first. Throws on a cycle.</summary>
    public IReadOnlyList<string> TopologicalOrder()
    {
        var remaining = ids.ToDictionary(id => id, id => dependsOn[id].Length, StringComparer.Ordinal);
        var order = new List<string>(ids.Count);
        while (order.Count < ids.Count)
        {
            var next = ids.FirstOrDefault(id => remaining[id] == 0)
                ?? throw new InvalidOperationException("The steps form a cycle.");
            remaining[next] = -1;
            order.Add(next);
            foreach (var id in ids)
            {
                if (dependsOn[id].Contains(next, StringComparer.Ordinal))
                {
                    remaining[id]--;
                }
            }
        }

        return order;
    }

    /// <summary>Every step this one depends on, directly or through others.</summary>
    public IReadOnlySet<string> AncestorsOf(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(dependsOn[id]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var dependency in dependsOn[next])
                {
                    pending.Push(dependency);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// The chain of dependent steps with the greatest total duration; ties go to the step declared first. With every
    /// duration equal this is the longest chain, as the original engine computed it.
    /// </summary>
    public (IReadOnlyList<string> Steps, TimeSpan Duration) CriticalPath(Func<string, TimeSpan> durationOf)
    {
        if (ids.Count == 0)
        {
            return ([], TimeSpan.Zero);
        }

        var finish = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in TopologicalOrder())
        {
            string? best = null;
            foreach (var dependency in dependsOn[id])
            {
                if (best is null || finish[dependency] > finish[best])
                {
                    best = dependency;
                }
            }

            previous[id] = best;
            finish[id] = durationOf(id) + (best is null ? TimeSpan.Zero : finish[best]);
        }

        var end = ids.Aggregate((a, b) => finish[b] > finish[a] ? b : a);
        var path = new List<string>();
        for (string? at = end; at is not null; at = previous[at])
        {
            path.Add(at);
        }

        path.Reverse();
        return (path, finish[end]);
    }
}

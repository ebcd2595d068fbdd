using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// Applies a <c>process</c> clause (VIEW-36): chooses the branch and computes every value from the
/// value as it entered, then applies the operations in order to a copy.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>The new value, or false when a <c>set</c> or a calculation failed or no branch applied.</summary>
    public static bool TryApply(ProcessStatement statement, JsonNode? entered, out JsonNode? result)
    {
        result = null;
        var operations = statement switch
        {
            OperationList list => list,
            ConditionalStatement conditional => Choose(conditional, entered),
            _ => null,
        };
        if (operations is null)
        {
            return false;
        }
        var values = new JsonNode?[operations.Operations.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (operations.Operations[i] is SetOperation set && !TryValue(set, entered, out values[i]))
            {
                return false;
            }
        }
        var copy = entered?.DeepClone();
        for (var i = 0; i < values.Length; i++)
        {
            switch (operations.Operations[i])
            {
                case SetOperation set when !JsonEdit.TryPut(copy, set.Target, values[i], insertInArray: false):
                    return false;
                case RemoveOperation remove:
                    JsonEdit.TryRemove(copy, remove.Target);
                    break;
            }
        }
        result = copy;
        return true;
    }

    private static OperationList? Choose(ConditionalStatement conditional, JsonNode? entered)
    {
        foreach (var branch in conditional.Branches)
        {
            if (ConditionEvaluator.IsTrue(branch.Condition.Root, entered))
            {
                return branch.Operations;
            }
        }
        return conditional.Else;
    }

    private static bool TryValue(SetOperation set, JsonNode? entered, out JsonNode? value)
    {
        value = null;
        if (set.Calculation is null)
        {
            value = set.Constant!.DeepClone();
            return true;
        }
        if (!CalculationEvaluator.TryEvaluate(set.Calculation.Root, entered, out var number))
        {
            return false;
        }
        value = JsonValue.Create(number);
        return true;
    }
}

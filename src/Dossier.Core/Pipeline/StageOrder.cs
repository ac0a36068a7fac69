namespace Dossier;

/// <summary>
/// The order check every pipeline of Dossier makes before it runs: each step finds what it needs
/// added by a step before it, and no two steps add the same thing. Document components add layers
/// (<see cref="PipelineBuilder"/>); corpus stages add corpus results (the analysis's stage builder).
/// </summary>
public static class StageOrder
{
    /// <summary>Checks the order of <paramref name="steps"/>.</summary>
    /// <typeparam name="TKey">What the steps need and add (compared by reference, as keys are defined once).</typeparam>
    /// <param name="steps">The steps in the order they run: a name for messages, what each needs and what it adds.</param>
    /// <param name="stepNoun">What a step is called in messages ("Component", "Corpus stage").</param>
    /// <param name="keyNoun">What a key is called in messages ("layer", "result").</param>
    /// <param name="keyName">A key's name.</param>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.InvalidPipeline"/> when a step's needs are not met or two steps add one key.</exception>
    public static void Check<TKey>(IReadOnlyList<(string Name, IReadOnlyList<TKey> Needs, IReadOnlyList<TKey> Adds)> steps, string stepNoun, string keyNoun, Func<TKey, string> keyName)
        where TKey : class
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(keyName);
        var addedBy = new Dictionary<TKey, string>(ReferenceEqualityComparer.Instance);
        foreach (var step in steps)
        {
            foreach (var need in step.Needs)
            {
                if (!addedBy.ContainsKey(need))
                {
                    var later = steps.FirstOrDefault(s => s.Adds.Contains(need));
                    var hint = later.Name is null ? $"no {stepNoun.ToLowerInvariant()} adds it" : $"'{later.Name}' adds it but comes later";
                    throw new DossierException(
                        DossierErrorCode.InvalidPipeline,
                        $"{stepNoun} '{step.Name}' needs the '{keyName(need)}' {keyNoun}, but {hint}.");
                }
            }

            foreach (var add in step.Adds)
            {
                if (addedBy.TryGetValue(add, out var other))
                {
                    throw new DossierException(
                        DossierErrorCode.InvalidPipeline,
                        $"{stepNoun}s '{other}' and '{step.Name}' both add the '{keyName(add)}' {keyNoun}.");
                }

                addedBy[add] = step.Name;
            }
        }
    }
}

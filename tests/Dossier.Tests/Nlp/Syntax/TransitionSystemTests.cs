using CsCheck;
using Dossier.Evaluation.Syntax;
using Dossier.Nlp.Syntax;
using Dossier.Tests.TestKit;
using Dossier.Training.Syntax;

namespace Dossier.Tests.Nlp.Syntax;

/// <summary>The arc-hybrid system and its dynamic oracle: what any run builds, and what the oracle's zero-cost path builds.</summary>
public sealed class TransitionSystemTests
{
    private const int Relations = 5;
    private const int Root = 2;

    [Fact]
    public void AnyRunOfAllowedTransitionsBuildsOneProjectiveTree()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, int.MaxValue]).Sample((n, seed) =>
        {
            var random = new Random(seed);
            var state = new ParseState(n, Root);
            var actions = DependencyParser.ActionCount(Relations);
            var steps = 0;
            while (!state.IsTerminal)
            {
                var allowed = Enumerable.Range(0, actions).Where(a => DependencyParser.Allowed(state, a, Relations, Root)).ToList();
                Assert.NotEmpty(allowed);
                DependencyParser.Apply(state, allowed[random.Next(allowed.Count)], Relations);
                steps++;
            }

            Assert.Equal(2 * n, steps);
            AssertTree(state.Heads.AsSpan(0, n).ToArray(), n);
            Assert.Equal(Root, state.Labels[Array.IndexOf(state.Heads, n)]);
        });
    }

    [Fact]
    public void FollowingTheOracleRebuildsEveryProjectiveGoldTree()
    {
        var dev = Conllu.ReadFile(Path.Combine(Repo.Shared, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu"));
        var relations = dev.SelectMany(s => s.Words).Select(w => w.Relation).Append("root").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var root = relations.IndexOf("root");
        var rebuilt = 0;
        foreach (var sentence in dev.Take(600))
        {
            var (heads, _) = SyntaxTrainer.Projective(sentence);
            var labels = sentence.Words.Select(w => relations.IndexOf(w.Relation)).ToArray();
            var n = heads.Length;
            var state = new ParseState(n, root);
            var costs = new int[DependencyParser.ActionCount(relations.Count)];
            while (!state.IsTerminal)
            {
                SyntaxTrainer.Costs(state, heads, labels, relations.Count, root, costs);
                var zero = Array.FindIndex(costs, c => c == 0);
                Assert.True(zero >= 0, $"no zero-cost transition in {(sentence.Comments.Count > 0 ? sentence.Comments[0] : "a sentence")}");
                DependencyParser.Apply(state, zero, relations.Count);
            }

            Assert.Equal(heads, state.Heads.AsSpan(0, n).ToArray());
            Assert.Equal(labels, state.Labels.AsSpan(0, n).ToArray());
            rebuilt++;
        }

        Assert.Equal(600, rebuilt);
    }

    [Fact]
    public void LiftingMakesEveryTreeProjective()
    {
        var dev = Conllu.ReadFile(Path.Combine(Repo.Shared, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu"));
        var lifted = 0;
        foreach (var sentence in dev)
        {
            var (heads, count) = SyntaxTrainer.Projective(sentence);
            Assert.Equal(-1, SyntaxTrainer.ShortestCrossing(heads));
            AssertTree(heads, heads.Length);
            lifted += count > 0 ? 1 : 0;
        }

        Assert.InRange(lifted, 1, dev.Count / 10);
    }

    /// <summary>One word on the root (n), every word a head, no cycle, no crossing arcs.</summary>
    internal static void AssertTree(int[] heads, int n)
    {
        Assert.Equal(1, heads.Count(h => h == n));
        for (var d = 0; d < n; d++)
        {
            Assert.InRange(heads[d], 0, n);
            Assert.NotEqual(d, heads[d]);
            var a = d;
            for (var steps = 0; a != n; steps++)
            {
                Assert.True(steps <= n, $"word {d} is on a cycle");
                a = heads[a];
            }
        }

        Assert.Equal(-1, SyntaxTrainer.ShortestCrossing(heads));
    }
}

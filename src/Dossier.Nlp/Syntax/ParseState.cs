namespace Dossier.Nlp.Syntax;

/// <summary>
/// A configuration of the arc-hybrid transition system (Kuhlmann et al. 2011) over a sentence of
/// n words with the root as an extra word n at the end of the buffer (Ballesteros and Nivre 2013):
/// SHIFT moves the buffer's first word to the stack; LEFT-r makes the stack's top a dependent of
/// the buffer's first word; RIGHT-r makes it a dependent of the word below it. The buffer is
/// always the words from <see cref="Buffer"/> to n, so it needs no array. Only projective trees
/// can be built, and exactly one word attaches to the root.
/// </summary>
internal sealed class ParseState
{
    public ParseState(int n, int root)
    {
        N = n;
        RootLabel = root;
        Heads = new int[n + 1];
        Labels = new int[n + 1];
        Stack = new int[n + 1];
        LeftMost = new int[n + 1];
        LeftSecond = new int[n + 1];
        RightMost = new int[n + 1];
        RightSecond = new int[n + 1];
        LeftCount = new int[n + 1];
        RightCount = new int[n + 1];
        LeftLabels = new ulong[n + 1];
        RightLabels = new ulong[n + 1];
        Array.Fill(Heads, -1);
        Array.Fill(Labels, -1);
        Array.Fill(LeftMost, -1);
        Array.Fill(LeftSecond, -1);
        Array.Fill(RightMost, -1);
        Array.Fill(RightSecond, -1);
    }

    public int N { get; }

    public int RootLabel { get; }

    public int[] Heads { get; }

    public int[] Labels { get; }

    public int[] Stack { get; }

    public int StackCount { get; private set; }

    public int Buffer { get; private set; }

    public int[] LeftMost { get; }

    public int[] LeftSecond { get; }

    public int[] RightMost { get; }

    public int[] RightSecond { get; }

    public int[] LeftCount { get; }

    public int[] RightCount { get; }

    public ulong[] LeftLabels { get; }

    public ulong[] RightLabels { get; }

    public bool IsTerminal => StackCount == 0 && Buffer == N;

    public bool CanShift => Buffer < N;

    /// <summary>LEFT needs a top; onto the root only when the top is the last word left.</summary>
    public bool CanLeft => StackCount > 0 && (Buffer < N || StackCount == 1);

    public bool CanRight => StackCount > 1;

    /// <summary>The i-th word from the stack's top (0 = top), or -1.</summary>
    public int S(int i) => StackCount > i ? Stack[StackCount - 1 - i] : -1;

    /// <summary>The i-th word of the buffer (0 = first; n is the root), or -1.</summary>
    public int B(int i) => Buffer + i <= N ? Buffer + i : -1;

    public void Shift() => Stack[StackCount++] = Buffer++;

    public void Left(int label) => Attach(Buffer, Stack[--StackCount], Buffer == N ? RootLabel : label);

    public void Right(int label)
    {
        var dependent = Stack[--StackCount];
        Attach(Stack[StackCount - 1], dependent, label);
    }

    private void Attach(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        var bit = 1UL << (label & 63);
        if (dependent < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= bit;
            if (LeftMost[head] < 0 || dependent < LeftMost[head])
            {
                LeftSecond[head] = LeftMost[head];
                LeftMost[head] = dependent;
            }
            else if (LeftSecond[head] < 0 || dependent < LeftSecond[head])
            {
                LeftSecond[head] = dependent;
            }
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= bit;
            if (RightMost[head] < 0 || dependent > RightMost[head])
            {
                RightSecond[head] = RightMost[head];
                RightMost[head] = dependent;
            }
            else if (RightSecond[head] < 0 || dependent > RightSecond[head])
            {
                RightSecond[head] = dependent;
            }
        }
    }
}

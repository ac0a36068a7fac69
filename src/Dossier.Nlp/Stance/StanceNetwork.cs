using System.Numerics;
using System.Runtime.InteropServices;

namespace Dossier.Nlp.Stance;

/// <summary>
/// A multilayer perceptron with one hidden layer of rectified units over a sparse input and a
/// softmax over the stance classes. <c>W1</c> holds one row of hidden weights per input feature,
/// so that a sparse input adds only the rows of its non-zero features (SIMD over the row).
/// </summary>
internal sealed class StanceNetwork
{
    public StanceNetwork(int inputs, int hidden, int classes)
    {
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        W1 = new float[inputs * hidden];
        B1 = new float[hidden];
        W2 = new float[hidden * classes];
        B2 = new float[classes];
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int Classes { get; }

    /// <summary>Input-to-hidden weights, row per input feature.</summary>
    public float[] W1 { get; }

    public float[] B1 { get; }

    /// <summary>Hidden-to-output weights, row per hidden unit.</summary>
    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>The parameter arrays: W1, B1, W2, B2.</summary>
    public IEnumerable<float[]> Parameters() => [W1, B1, W2, B2];

    /// <summary>Glorot-uniform weights from a seeded generator, zero biases.</summary>
    public void Initialise(Random random)
    {
        Fill(W1, MathF.Sqrt(6f / (Inputs + Hidden)));
        Fill(W2, MathF.Sqrt(6f / (Hidden + Classes)));

        void Fill(float[] w, float limit)
        {
            for (var k = 0; k < w.Length; k++)
            {
                w[k] = (float)((random.NextDouble() * 2) - 1) * limit;
            }
        }
    }

    /// <summary>The hidden activations (after the rectifier) and the class probabilities of <paramref name="x"/>.</summary>
    public void Forward(SparseVector x, Span<float> hidden, Span<float> probabilities)
    {
        B1.CopyTo(hidden);
        for (var k = 0; k < x.Indices.Length; k++)
        {
            AddScaled(hidden, W1.AsSpan(x.Indices[k] * Hidden, Hidden), x.Values[k]);
        }

        for (var h = 0; h < Hidden; h++)
        {
            hidden[h] = MathF.Max(0, hidden[h]);
        }

        Output(hidden, probabilities);
    }

    /// <summary>The class probabilities from the hidden activations.</summary>
    public void Output(ReadOnlySpan<float> hidden, Span<float> probabilities)
    {
        B2.CopyTo(probabilities);
        for (var h = 0; h < Hidden; h++)
        {
            if (hidden[h] != 0)
            {
                AddScaled(probabilities, W2.AsSpan(h * Classes, Classes), hidden[h]);
            }
        }

        Softmax(probabilities);
    }

    /// <summary>The index of the largest value (the first of equals).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var c = 1; c < values.Length; c++)
        {
            if (values[c] > values[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>target += source × scale, SIMD where the length allows.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<float>.Count)
        {
            var t = MemoryMarshal.Cast<float, Vector<float>>(target);
            var s = MemoryMarshal.Cast<float, Vector<float>>(source);
            for (var v = 0; v < t.Length; v++)
            {
                t[v] += s[v] * scale;
            }

            k = t.Length * Vector<float>.Count;
        }

        for (; k < target.Length; k++)
        {
            target[k] += source[k] * scale;
        }
    }

    private static void Softmax(Span<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = MathF.Max(max, v);
        }

        float sum = 0;
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = MathF.Exp(values[c] - max);
            sum += values[c];
        }

        for (var c = 0; c < values.Length; c++)
        {
            values[c] /= sum;
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Inputs);
        writer.Write(Hidden);
        writer.Write(Classes);
        foreach (var array in Parameters())
        {
            writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
        }
    }

    public static StanceNetwork Read(BinaryReader reader)
    {
        var inputs = reader.ReadInt32();
        var hidden = reader.ReadInt32();
        var classes = reader.ReadInt32();
        if (inputs is < 1 or > 10_000_000 || hidden is < 1 or > 4096 || classes is < 2 or > 16 || (long)inputs * hidden > 200_000_000)
        {
            throw new InvalidDataException($"a stance network of {inputs} × {hidden} × {classes} is not one this version writes");
        }

        var network = new StanceNetwork(inputs, hidden, classes);
        foreach (var array in network.Parameters())
        {
            try
            {
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException("the stance network's weights end early", e);
            }
        }

        return network;
    }
}

package dev.sparsest.exact.multivariate;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks a vertex stands for. Candidates of one output sign whose rays never sit on
 * opposite sides of a data point share an activation pattern and add up to one neuron with the
 * same outputs (relu(X r1) + relu(X r2) = relu(X (r1 + r2))); merging never costs more (|a + b|^p
 * &lt;= |a|^p + |b|^p, and likewise the count of nonzeros). Lemma 4.1 allows one neuron per
 * pattern and sign, so the optimum over a vertex is over its maximal merges: every partition of
 * its candidates into compatible groups that no further merge would coarsen.
 */
final class NeuronMerging {
    private NeuronMerging() {
    }

    /** Each maximal merge of the vertex's candidates as a list of neurons. */
    static List<List<Neuron>> networks(VertexEnumeration.Vertex vertex, CandidateNeurons candidates) {
        int k = vertex.support.length;
        List<List<Neuron>> out = new ArrayList<>();
        int[] group = new int[k];
        assign(0, 0, group, vertex, candidates, out);
        return out;
    }

    private static void assign(int next, int groups, int[] group, VertexEnumeration.Vertex vertex,
                               CandidateNeurons candidates, List<List<Neuron>> out) {
        int k = group.length;
        if (next == k) {
            if (maximal(groups, group, vertex, candidates)) {
                out.add(build(groups, group, vertex, candidates));
            }
            return;
        }
        for (int g = 0; g < groups; g++) {
            if (fits(next, g, group, vertex, candidates)) {
                group[next] = g;
                assign(next + 1, groups, group, vertex, candidates, out);
            }
        }
        group[next] = groups;
        assign(next + 1, groups + 1, group, vertex, candidates, out);
    }

    /** Whether candidate {@code c} (index in the support) may join group g (those before it). */
    private static boolean fits(int c, int g, int[] group, VertexEnumeration.Vertex vertex, CandidateNeurons candidates) {
        for (int o = 0; o < c; o++) {
            if (group[o] == g && !compatible(vertex.support[c], vertex.support[o], candidates)) {
                return false;
            }
        }
        return true;
    }

    private static boolean maximal(int groups, int[] group, VertexEnumeration.Vertex vertex, CandidateNeurons candidates) {
        for (int g = 0; g < groups; g++) {
            for (int h = g + 1; h < groups; h++) {
                boolean mergeable = true;
                for (int i = 0; i < group.length && mergeable; i++) {
                    for (int j = 0; j < group.length && mergeable; j++) {
                        if (group[i] == g && group[j] == h) {
                            mergeable = compatible(vertex.support[i], vertex.support[j], candidates);
                        }
                    }
                }
                if (mergeable) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean compatible(int c1, int c2, CandidateNeurons candidates) {
        if (!candidates.signs.get(c1).equals(candidates.signs.get(c2))) {
            return false;
        }
        int[] s1 = candidates.sides.get(c1);
        int[] s2 = candidates.sides.get(c2);
        for (int i = 0; i < s1.length; i++) {
            if (s1[i] * s2[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Neuron> build(int groups, int[] group, VertexEnumeration.Vertex vertex, CandidateNeurons candidates) {
        int m = candidates.d + 1;
        List<Neuron> neurons = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double[] u = new double[m];
            int sign = 0;
            for (int i = 0; i < group.length; i++) {
                if (group[i] == g) {
                    int c = vertex.support[i];
                    double[] ray = candidates.rays.get(c);
                    for (int t = 0; t < m; t++) {
                        u[t] += vertex.lambda[i] * ray[t];
                    }
                    sign = candidates.signs.get(c);
                }
            }
            neurons.add(new Neuron(sign, u));
        }
        return neurons;
    }
}

package dev.sparsest.model;

/**
 * Conversions between the knot form and the neuron form of a univariate network, on the forms'
 * parts (so the network depends on this helper and not the other way round).
 */
final class NeuronConversion {
    private NeuronConversion() {
    }

    /** The parts of a knot form: knots u, slope changes c, the left slope a and the intercept at 0. */
    record KnotForm(double[] u, double[] c, double a, double intercept) {
    }

    /**
     * Balanced neurons: w = sqrt|c|, b = -u sqrt|c|, v = sign(c) sqrt|c|, so |v| = |w| and
     * v*w = c. All w are positive, so the skip term is the left line of the knot form.
     */
    static UnivariateNeurons toNeurons(double[] knots, double[] slopeChanges, double slope, double intercept) {
        int k = knots.length;
        double[] w = new double[k];
        double[] b = new double[k];
        double[] v = new double[k];
        for (int j = 0; j < k; j++) {
            double c = slopeChanges[j];
            double r = Math.sqrt(Math.abs(c));
            w[j] = r;
            b[j] = -knots[j] * r;
            v[j] = Math.copySign(r, c);
        }
        return new UnivariateNeurons(w, b, v, slope, intercept);
    }

    /**
     * Knots from neurons. A neuron with w > 0 is the knot (-b/w, v w). One with w < 0 is the
     * knot (-b/w, v |w|) plus the affine part -v |w| (x - u), moved into the skip term. One with
     * w = 0 is the constant v relu(b).
     */
    static KnotForm toKnots(UnivariateNeurons n) {
        int width = n.width();
        double[] u = new double[width];
        double[] c = new double[width];
        double a = n.a();
        double intercept = n.c();
        int m = 0;
        for (int k = 0; k < width; k++) {
            double w = n.w(k);
            double b = n.b(k);
            double v = n.v(k);
            if (w == 0) {
                intercept += v * Math.max(b, 0.0);
                continue;
            }
            double knot = -b / w;
            double change = v * Math.abs(w);
            if (change == 0) {
                continue;
            }
            if (w < 0) {
                a -= change;
                intercept += change * knot;
            }
            u[m] = knot;
            c[m] = change;
            m++;
        }
        return new KnotForm(java.util.Arrays.copyOf(u, m), java.util.Arrays.copyOf(c, m), a, intercept);
    }
}

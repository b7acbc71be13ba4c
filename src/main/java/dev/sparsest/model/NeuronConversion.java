package dev.sparsest.model;

/** Conversions between the knot form and the neuron form of a univariate network. */
final class NeuronConversion {
    private NeuronConversion() {
    }

    /**
     * Balanced neurons: w = sqrt|c|, b = -u sqrt|c|, v = sign(c) sqrt|c|, so |v| = |w| and
     * v*w = c. All w are positive, so the skip term is the left line of the knot form.
     */
    static Neurons1D toNeurons(UnivariateNetwork net) {
        int k = net.neurons();
        double[] w = new double[k];
        double[] b = new double[k];
        double[] v = new double[k];
        for (int j = 0; j < k; j++) {
            double c = net.slopeChange(j);
            double r = Math.sqrt(Math.abs(c));
            w[j] = r;
            b[j] = -net.knot(j) * r;
            v[j] = Math.copySign(r, c);
        }
        return new Neurons1D(w, b, v, net.slope(), net.intercept());
    }

    /**
     * Knots from neurons. A neuron with w > 0 is the knot (-b/w, v w). One with w < 0 is the
     * knot (-b/w, v |w|) plus the affine part -v |w| (x - u), moved into the skip term. One with
     * w = 0 is the constant v relu(b).
     */
    static UnivariateNetwork toKnots(Neurons1D n) {
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
        return UnivariateNetwork.withIntercept(java.util.Arrays.copyOf(u, m), java.util.Arrays.copyOf(c, m), a, intercept);
    }
}

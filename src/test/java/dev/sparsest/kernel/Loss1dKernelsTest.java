package dev.sparsest.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.sparsest.kernel.KernelFixtures.EPS;
import static dev.sparsest.kernel.KernelFixtures.EPS_F;
import static dev.sparsest.kernel.KernelFixtures.LENGTHS;
import static dev.sparsest.kernel.KernelFixtures.near;
import static dev.sparsest.kernel.KernelFixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 1-D dense kernels: the scalar reference against the definition, the vector implementation
 * against the reference, at every pair of awkward lengths (points x neurons).
 *
 * <p>Tolerances. Forward: both sum the neurons in the same order and differ only in fusing the
 * final multiply-add, so |difference| &lt;= 2 (K + 4) eps M_i with M_i the sum of absolute terms
 * at point i. Gradients: the residual gradients g_i inherit that (2/n per unit of f), then are
 * summed over n points in a different order: (n + 4) eps times the absolute sums, doubled.
 */
class Loss1dKernelsTest {

    /** One random 1-D problem; some neurons have w = 0 and some knots sit exactly on data points. */
    record Problem(double[] x, double[] y, double[] w, double[] b, double[] v, double a, double c) {
        static Problem random(SplittableRandom r, int n, int k) {
            double[] x = uniform(r, n, -2, 2);
            double[] y = uniform(r, n, -1, 1);
            double[] w = uniform(r, k, -1.5, 1.5);
            double[] b = uniform(r, k, -1, 1);
            double[] v = uniform(r, k, -1, 1);
            for (int j = 0; j < k; j++) {
                if (r.nextInt(10) == 0) {
                    w[j] = 0;
                } else if (n > 0 && r.nextInt(5) == 0) {
                    b[j] = -w[j] * x[r.nextInt(n)]; // knot on a data point
                }
            }
            return new Problem(x, y, w, b, v, r.nextDouble() - 0.5, r.nextDouble() - 0.5);
        }

        /** No knot within 1e-3 of a data point, no w = 0: the loss is differentiable there. */
        static Problem smooth(SplittableRandom r, int n, int k) {
            while (true) {
                Problem p = new Problem(uniform(r, n, -2, 2), uniform(r, n, -1, 1), uniform(r, k, 0.2, 1.5),
                        uniform(r, k, -1, 1), uniform(r, k, -1, 1), r.nextDouble() - 0.5, r.nextDouble() - 0.5);
                boolean ok = true;
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < n; i++) {
                        ok &= Math.abs(p.w[j] * p.x[i] + p.b[j]) > 1e-3;
                    }
                }
                if (ok) {
                    return p;
                }
            }
        }

        int n() {
            return x.length;
        }

        int k() {
            return w.length;
        }

        /** The sum of absolute terms of f at point i (error scale of any summation order). */
        double magnitude(int i) {
            double m = Math.abs(a * x[i]) + Math.abs(c);
            for (int j = 0; j < k(); j++) {
                double t = Math.abs(w[j] * x[i] + b[j]);
                m += Math.abs(v[j]) * (t + Math.abs(w[j] * x[i]) + Math.abs(b[j]));
            }
            return m;
        }
    }

    /** The definition, term by term, without the linear-half rewriting. */
    static double definition(Problem p, int i) {
        double f = p.a * p.x[i] + p.c;
        for (int j = 0; j < p.k(); j++) {
            f += p.v[j] * Math.max(p.w[j] * p.x[i] + p.b[j], 0);
        }
        return f;
    }

    @Test
    void scalarForwardMatchesTheDefinition() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : LENGTHS) {
            for (int k : new int[] {0, 1, 7, 33, 65}) {
                Problem p = Problem.random(r, n, k);
                double[] out = new double[n];
                KernelProvider.scalar().loss1d().forward(p.x, n, p.w, p.b, p.v, k, p.a, p.c, out);
                for (int i = 0; i < n; i++) {
                    near("f[" + i + "] n=" + n + " k=" + k, definition(p, i), out[i], 4 * (k + 4) * EPS * p.magnitude(i));
                }
            }
        }
    }

    @Test
    void scalarGradientsMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(12);
        int n = 17;
        int k = 9;
        Problem p = Problem.smooth(r, n, k);
        double[] gw = new double[k];
        double[] gb = new double[k];
        double[] gv = new double[k];
        double[] gs = new double[2];
        double loss = KernelProvider.scalar().loss1d().lossGrad(p.x, p.y, n, p.w, p.b, p.v, k, p.a, p.c, gw, gb, gv, gs,
                new double[Loss1dKernels.work(n)]);
        assertEquals(mse(p), loss, 1e-14);
        double h = 1e-6;
        for (int j = 0; j < k; j++) {
            near("dL/dw", centralDiff(p, p.w, j, h), gw[j], 1e-7);
            near("dL/db", centralDiff(p, p.b, j, h), gb[j], 1e-7);
            near("dL/dv", centralDiff(p, p.v, j, h), gv[j], 1e-7);
        }
        Problem pa = new Problem(p.x, p.y, p.w, p.b, p.v, p.a + h, p.c);
        Problem ma = new Problem(p.x, p.y, p.w, p.b, p.v, p.a - h, p.c);
        near("dL/da", (mse(pa) - mse(ma)) / (2 * h), gs[0], 1e-7);
        Problem pc = new Problem(p.x, p.y, p.w, p.b, p.v, p.a, p.c + h);
        Problem mc = new Problem(p.x, p.y, p.w, p.b, p.v, p.a, p.c - h);
        near("dL/dc", (mse(pc) - mse(mc)) / (2 * h), gs[1], 1e-7);
    }

    private static double mse(Problem p) {
        double s = 0;
        for (int i = 0; i < p.n(); i++) {
            double r = definition(p, i) - p.y[i];
            s += r * r;
        }
        return s / p.n();
    }

    private static double centralDiff(Problem p, double[] param, int j, double h) {
        double keep = param[j];
        param[j] = keep + h;
        double up = mse(p);
        param[j] = keep - h;
        double down = mse(p);
        param[j] = keep;
        return (up - down) / (2 * h);
    }

    @Test
    void vectorForwardAgreesWithTheReference() {
        Kernels vector = KernelFixtures.vectorOrSkip();
        SplittableRandom r = new SplittableRandom(13);
        for (int n : LENGTHS) {
            for (int k : LENGTHS) {
                Problem p = Problem.random(r, n, k);
                double[] ref = new double[n];
                double[] vec = new double[n];
                KernelProvider.scalar().loss1d().forward(p.x, n, p.w, p.b, p.v, k, p.a, p.c, ref);
                vector.loss1d().forward(p.x, n, p.w, p.b, p.v, k, p.a, p.c, vec);
                for (int i = 0; i < n; i++) {
                    near(vector.name() + " f[" + i + "] n=" + n + " k=" + k, ref[i], vec[i], 2 * (k + 4) * EPS * p.magnitude(i));
                }
            }
        }
    }

    @Test
    void vectorGradientsAgreeWithTheReference() {
        Kernels vector = KernelFixtures.vectorOrSkip();
        SplittableRandom r = new SplittableRandom(14);
        for (int n : LENGTHS) {
            if (n == 0) {
                continue; // the MSE of no points is undefined
            }
            for (int k : LENGTHS) {
                Problem p = Problem.random(r, n, k);
                Grad ref = Grad.of(KernelProvider.scalar(), p);
                Grad vec = Grad.of(vector, p);
                // bound on each residual gradient difference, then the absolute sums the gradients are made of
                double[] dg = new double[n];
                double sumG = 0;
                double sumGx = 0;
                double sumDg = 0;
                double sumDgx = 0;
                double lossScale = 0;
                for (int i = 0; i < n; i++) {
                    double df = 2 * (k + 4) * EPS * p.magnitude(i);
                    dg[i] = 2.0 / n * df;
                    double g = Math.abs(ref.g[i]);
                    sumG += g;
                    sumGx += g * Math.abs(p.x[i]);
                    sumDg += dg[i];
                    sumDgx += dg[i] * Math.abs(p.x[i]);
                    lossScale += (Math.abs(g) * n / 2 + df) * df * 2 / n;
                }
                double sum = 2 * (n + 4) * EPS;
                String at = vector.name() + " n=" + n + " k=" + k;
                near("loss " + at, ref.loss, vec.loss, 4 * lossScale + sum * ref.loss);
                for (int j = 0; j < k; j++) {
                    double bx = sum * sumGx + sumDgx;
                    double b1 = sum * sumG + sumDg;
                    near("dL/dw[" + j + "] " + at, ref.gw[j], vec.gw[j], 2 * Math.abs(p.v[j]) * bx);
                    near("dL/db[" + j + "] " + at, ref.gb[j], vec.gb[j], 2 * Math.abs(p.v[j]) * b1);
                    near("dL/dv[" + j + "] " + at, ref.gv[j], vec.gv[j], 2 * (Math.abs(p.w[j]) * bx + Math.abs(p.b[j]) * b1));
                }
                near("dL/da " + at, ref.gs[0], vec.gs[0], 2 * (sum * sumGx + sumDgx));
                near("dL/dc " + at, ref.gs[1], vec.gs[1], 2 * (sum * sumG + sumDg));
            }
        }
    }

    /** Gradients and loss of one kernel call, and the residual gradients it computed. */
    record Grad(double loss, double[] gw, double[] gb, double[] gv, double[] gs, double[] g) {
        static Grad of(Kernels kernels, Problem p) {
            int n = p.n();
            int k = p.k();
            double[] gw = new double[k];
            double[] gb = new double[k];
            double[] gv = new double[k];
            double[] gs = new double[2];
            double[] work = new double[Loss1dKernels.work(n)];
            double loss = kernels.loss1d().lossGrad(p.x, p.y, n, p.w, p.b, p.v, k, p.a, p.c, gw, gb, gv, gs, work);
            return new Grad(loss, gw, gb, gv, gs, java.util.Arrays.copyOf(work, n));
        }
    }

    @Test
    void floatKernelsAgreeWithTheDoubleReference() {
        Float1dKernels[] impls = KernelProvider.vectorModulePresent()
                ? new Float1dKernels[] {KernelProvider.scalarFloat(), KernelProvider.vectorFloat()}
                : new Float1dKernels[] {KernelProvider.scalarFloat()};
        SplittableRandom r = new SplittableRandom(15);
        for (Float1dKernels kernels : impls) {
            String name = kernels.getClass().getSimpleName();
            for (int n : LENGTHS) {
                for (int k : new int[] {1, 15, 16, 17, 65}) {
                    Problem p = Problem.random(r, n, k);
                    // the float problem, and the double reference evaluated on exactly those float values
                    float[] xf = KernelFixtures.toFloat(p.x);
                    float[] wf = KernelFixtures.toFloat(p.w);
                    float[] bf = KernelFixtures.toFloat(p.b);
                    float[] vf = KernelFixtures.toFloat(p.v);
                    Problem q = new Problem(KernelFixtures.toDouble(xf), p.y, KernelFixtures.toDouble(wf),
                            KernelFixtures.toDouble(bf), KernelFixtures.toDouble(vf), (float) p.a, (float) p.c);
                    float[] out = new float[n];
                    kernels.forward(xf, n, wf, bf, vf, k, (float) p.a, (float) p.c, out);
                    for (int i = 0; i < n; i++) {
                        near(name + " float f[" + i + "] n=" + n + " k=" + k, definition(q, i), out[i],
                                4 * (k + 4) * EPS_F * q.magnitude(i));
                    }
                    if (n > 0) {
                        float[] gw = new float[k];
                        float[] gb = new float[k];
                        float[] gv = new float[k];
                        float[] gs = new float[2];
                        float loss = kernels.lossGrad(xf, KernelFixtures.toFloat(p.y), n, wf, bf, vf, k,
                                (float) p.a, (float) p.c, gw, gb, gv, gs, new float[Loss1dKernels.work(n)]);
                        Grad ref = Grad.of(KernelProvider.scalar(), new Problem(q.x, KernelFixtures.toDouble(KernelFixtures.toFloat(p.y)),
                                q.w, q.b, q.v, q.a, q.c));
                        near(name + " float loss n=" + n + " k=" + k, ref.loss, loss, 1e-4 * (1 + ref.loss));
                        double scale = 0;
                        for (double gj : ref.gv) {
                            scale = Math.max(scale, Math.abs(gj));
                        }
                        for (int j = 0; j < k; j++) {
                            near(name + " float dL/dv[" + j + "]", ref.gv[j], gv[j], 1e-3 * (1 + scale));
                        }
                    }
                }
            }
        }
    }
}

package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.D;
import static dev.sparsest.kernel.VectorLanes.DL;
import static dev.sparsest.kernel.VectorLanes.NARROW_DOUBLE;
import static dev.sparsest.kernel.VectorLanes.sum;

/** The d-D kernels on vectors: packed weights and register-tiled forward and backward passes. */
final class VectorNd implements LossNdKernels {
    static final VectorNd INSTANCE = new VectorNd();

    private VectorNd() {
    }

    // ---------------------------------------------------------------- d-D

    /*
     * Both d-D products are register-tiled: neurons in lanes, PANEL = 4 vectors of them per tile,
     * and ROWS points (forward) or input dimensions (backward) per tile, each a broadcast feeding
     * 4 fused multiply-adds. Weights, pre-activations and their gradients are kept in panels
     * (each PANEL neurons wide, contiguous), padded with zero neurons to a whole number of panels:
     * rows of a power-of-two number of neurons would otherwise fall into a few L1 sets and be
     * reloaded from L2 (measured: 2x). The hot loops are small methods with all vector
     * operations inline and plain stores at the end (see the 1-D notes).
     *
     * Work layout: packed weights ((d+1) kp), packed v (kp), pre-activations then D (n kp),
     * packed dL/dW ((d+1) kp), f then g (n), where kp = k rounded up to PANEL.
     */
    private static final int PANEL = 4 * DL;
    /** Tile height: 6 x 4 accumulators fit 32 registers (AVX-512); 2 x 4 fit 16 (AVX2, NEON). */
    private static final int ROWS = D.vectorBitSize() >= 512 ? 6 : 2;

    private static int padded(int k) {
        return (k + PANEL - 1) / PANEL * PANEL;
    }

    @Override
    public int work(int n, int d, int k) {
        int kp = padded(k);
        return 2 * (d + 1) * kp + kp + n * kp + n;
    }

    /** After the packed weights, v, pre-activations and packed dL/dW: the f-then-g area. */
    @Override
    public int residualGradients(int n, int d, int k) {
        if (NARROW_DOUBLE) {
            return ScalarLossNd.INSTANCE.residualGradients(n, d, k);
        }
        int kp = padded(k);
        return 2 * (d + 1) * kp + kp + n * kp;
    }

    @Override
    public void forward(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work) {
        if (NARROW_DOUBLE) {
            ScalarLossNd.INSTANCE.forward(x, n, d, wRows, v, k, out, work);
            return;
        }
        int kp = padded(k);
        int vOff = (d + 1) * kp;
        int zOff = vOff + kp;
        pack(wRows, v, k, d, kp, work, vOff);
        preActivations(x, n, d, kp, work, zOff);
        outputs(n, kp, work, vOff, zOff, out, 0);
        double guard = Guards.parameters(wRows, k * (d + 1), v, k);
        for (int i = 0; i < n; i++) {
            out[i] = out[i] + Guards.row(x, i * d, d) + guard;
        }
    }

    /** Weights into panels (bias last in each panel), v padded; zero for the padding neurons. */
    private static void pack(double[] wRows, double[] v, int k, int d, int kp, double[] work, int vOff) {
        int stride = d + 1;
        for (int j = 0; j < kp; j++) {
            int panel = j / PANEL;
            int lane = j % PANEL;
            int base = panel * stride * PANEL + lane;
            for (int t = 0; t < stride; t++) {
                work[base + t * PANEL] = j < k ? wRows[j * stride + t] : 0.0;
            }
            work[vOff + j] = j < k ? v[j] : 0.0;
        }
    }

    private static void preActivations(double[] x, int n, int d, int kp, double[] work, int zOff) {
        int stride = d + 1;
        for (int panel = 0; panel < kp / PANEL; panel++) {
            int wOff = panel * stride * PANEL;
            int zp = zOff + panel * n * PANEL;
            int i = 0;
            if (ROWS == 6) {
                for (; i + 6 <= n; i += 6) {
                    forwardTile6(x, i, d, work, wOff, work, zp);
                }
            } else {
                for (; i + 2 <= n; i += 2) {
                    forwardTile2(x, i, d, work, wOff, work, zp);
                }
            }
            for (; i < n; i++) {
                forwardTile1(x, i, d, work, wOff, work, zp);
            }
        }
    }

    /** out[outOff + i] = sum_j v_j relu(z_ij) over the panels. */
    private static void outputs(int n, int kp, double[] work, int vOff, int zOff, double[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int panel = 0; panel < kp / PANEL; panel++) {
                int zp = zOff + panel * n * PANEL + i * PANEL;
                for (int c = 0; c < PANEL; c += DL) {
                    DoubleVector z = DoubleVector.fromArray(D, work, zp + c);
                    DoubleVector relu = DoubleVector.zero(D).blend(z, z.compare(VectorOperators.GT, 0.0));
                    acc = relu.fma(DoubleVector.fromArray(D, work, vOff + panel * PANEL + c), acc);
                }
            }
            out[outOff + i] = sum(acc);
        }
    }

    /**
     * Forward with stored z, residual gradients g, then D_ij = g_i v_j 1[z_ij &gt; 0] in place of z
     * (dL/dv on the way, in the reference's order), then dL/dW = sum_i D_i [x_i; 1] tile by tile.
     */
    @Override
    public double lossGrad(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
                             double[] gW, double[] gv, double[] work) {
        if (NARROW_DOUBLE) {
            return ScalarLossNd.INSTANCE.lossGrad(x, y, n, d, wRows, v, k, gW, gv, work);
        }
        int stride = d + 1;
        int kp = padded(k);
        int vOff = stride * kp;
        int zOff = vOff + kp;
        int gwOff = zOff + n * kp;
        int fOff = gwOff + stride * kp;
        pack(wRows, v, k, d, kp, work, vOff);
        preActivations(x, n, d, kp, work, zOff);
        outputs(n, kp, work, vOff, zOff, work, fOff);
        double guard = Guards.parameters(wRows, k * stride, v, k);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = (work[fOff + i] + Guards.row(x, i * d, d) + guard) - y[i];
            sse += r * r;
            work[fOff + i] = 2.0 * r / n;
        }
        // dL/dv accumulates in the packed-gradient area's first kp entries before that is used
        java.util.Arrays.fill(work, gwOff, gwOff + kp, 0.0);
        for (int panel = 0; panel < kp / PANEL; panel++) {
            int zp = zOff + panel * n * PANEL;
            for (int i = 0; i < n; i++) {
                double gi = work[fOff + i];
                for (int c = 0; c < PANEL; c += DL) {
                    int at = zp + i * PANEL + c;
                    DoubleVector z = DoubleVector.fromArray(D, work, at);
                    VectorMask<Double> active = z.compare(VectorOperators.GT, 0.0);
                    DoubleVector relu = DoubleVector.zero(D).blend(z, active);
                    int gvAt = gwOff + panel * PANEL + c;
                    DoubleVector.fromArray(D, work, gvAt).add(relu.mul(gi)).intoArray(work, gvAt);
                    DoubleVector.zero(D).blend(DoubleVector.fromArray(D, work, vOff + panel * PANEL + c).mul(gi), active)
                            .intoArray(work, at);
                }
            }
        }
        System.arraycopy(work, gwOff, gv, 0, k);
        for (int panel = 0; panel < kp / PANEL; panel++) {
            int dp = zOff + panel * n * PANEL;
            int gp = gwOff + panel * stride * PANEL;
            int t = 0;
            if (ROWS == 6) {
                for (; t + 6 <= d; t += 6) {
                    backwardTile6(x, n, d, t, work, dp, work, gp);
                }
            } else {
                for (; t + 2 <= d; t += 2) {
                    backwardTile2(x, n, d, t, work, dp, work, gp);
                }
            }
            for (; t < d; t++) {
                backwardTile1(x, n, d, t, work, dp, work, gp);
            }
            biasGradient(n, d, work, dp, gp);
        }
        for (int j = 0; j < k; j++) {
            int base = gwOff + (j / PANEL) * stride * PANEL + j % PANEL;
            for (int t = 0; t < stride; t++) {
                gW[j * stride + t] = work[base + t * PANEL];
            }
        }
        return sse / n;
    }

    /** The bias row of dL/dW for one panel: sum over points of D_i. */
    private static void biasGradient(int n, int d, double[] work, int dOff, int gOff) {
        DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0;
        for (int i = 0, p = dOff; i < n; i++, p += PANEL) {
            a0 = a0.add(DoubleVector.fromArray(D, work, p));
            a1 = a1.add(DoubleVector.fromArray(D, work, p + DL));
            a2 = a2.add(DoubleVector.fromArray(D, work, p + 2 * DL));
            a3 = a3.add(DoubleVector.fromArray(D, work, p + 3 * DL));
        }
        int o = gOff + d * PANEL;
        a0.intoArray(work, o);
        a1.intoArray(work, o + DL);
        a2.intoArray(work, o + 2 * DL);
        a3.intoArray(work, o + 3 * DL);
    }

    /** Pre-activations of rows [i, i + 6) for one panel: bias, then fused multiply-adds in input order. */
    private static void forwardTile6(double[] x, int i, int d, double[] w, int wOff, double[] z, int zOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 0 * DL);
        DoubleVector bias1 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 1 * DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        DoubleVector a10 = bias0, a11 = bias1, a12 = bias2, a13 = bias3;
        DoubleVector a20 = bias0, a21 = bias1, a22 = bias2, a23 = bias3;
        DoubleVector a30 = bias0, a31 = bias1, a32 = bias2, a33 = bias3;
        DoubleVector a40 = bias0, a41 = bias1, a42 = bias2, a43 = bias3;
        DoubleVector a50 = bias0, a51 = bias1, a52 = bias2, a53 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, w, p + 0 * DL);
            DoubleVector w1 = DoubleVector.fromArray(D, w, p + 1 * DL);
            DoubleVector w2 = DoubleVector.fromArray(D, w, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, w, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + 0 * d + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + 1 * d + t]);
            a10 = w0.fma(c1, a10);
            a11 = w1.fma(c1, a11);
            a12 = w2.fma(c1, a12);
            a13 = w3.fma(c1, a13);
            DoubleVector c2 = DoubleVector.broadcast(D, x[x0 + 2 * d + t]);
            a20 = w0.fma(c2, a20);
            a21 = w1.fma(c2, a21);
            a22 = w2.fma(c2, a22);
            a23 = w3.fma(c2, a23);
            DoubleVector c3 = DoubleVector.broadcast(D, x[x0 + 3 * d + t]);
            a30 = w0.fma(c3, a30);
            a31 = w1.fma(c3, a31);
            a32 = w2.fma(c3, a32);
            a33 = w3.fma(c3, a33);
            DoubleVector c4 = DoubleVector.broadcast(D, x[x0 + 4 * d + t]);
            a40 = w0.fma(c4, a40);
            a41 = w1.fma(c4, a41);
            a42 = w2.fma(c4, a42);
            a43 = w3.fma(c4, a43);
            DoubleVector c5 = DoubleVector.broadcast(D, x[x0 + 5 * d + t]);
            a50 = w0.fma(c5, a50);
            a51 = w1.fma(c5, a51);
            a52 = w2.fma(c5, a52);
            a53 = w3.fma(c5, a53);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(z, o + 0 * DL);
        a01.intoArray(z, o + 1 * DL);
        a02.intoArray(z, o + 2 * DL);
        a03.intoArray(z, o + 3 * DL);
        a10.intoArray(z, o + 1 * PANEL + 0 * DL);
        a11.intoArray(z, o + 1 * PANEL + 1 * DL);
        a12.intoArray(z, o + 1 * PANEL + 2 * DL);
        a13.intoArray(z, o + 1 * PANEL + 3 * DL);
        a20.intoArray(z, o + 2 * PANEL + 0 * DL);
        a21.intoArray(z, o + 2 * PANEL + 1 * DL);
        a22.intoArray(z, o + 2 * PANEL + 2 * DL);
        a23.intoArray(z, o + 2 * PANEL + 3 * DL);
        a30.intoArray(z, o + 3 * PANEL + 0 * DL);
        a31.intoArray(z, o + 3 * PANEL + 1 * DL);
        a32.intoArray(z, o + 3 * PANEL + 2 * DL);
        a33.intoArray(z, o + 3 * PANEL + 3 * DL);
        a40.intoArray(z, o + 4 * PANEL + 0 * DL);
        a41.intoArray(z, o + 4 * PANEL + 1 * DL);
        a42.intoArray(z, o + 4 * PANEL + 2 * DL);
        a43.intoArray(z, o + 4 * PANEL + 3 * DL);
        a50.intoArray(z, o + 5 * PANEL + 0 * DL);
        a51.intoArray(z, o + 5 * PANEL + 1 * DL);
        a52.intoArray(z, o + 5 * PANEL + 2 * DL);
        a53.intoArray(z, o + 5 * PANEL + 3 * DL);
    }

    /** Pre-activations of rows [i, i + 2) for one panel: bias, then fused multiply-adds in input order. */
    private static void forwardTile2(double[] x, int i, int d, double[] w, int wOff, double[] z, int zOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 0 * DL);
        DoubleVector bias1 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 1 * DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        DoubleVector a10 = bias0, a11 = bias1, a12 = bias2, a13 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, w, p + 0 * DL);
            DoubleVector w1 = DoubleVector.fromArray(D, w, p + 1 * DL);
            DoubleVector w2 = DoubleVector.fromArray(D, w, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, w, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + 0 * d + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + 1 * d + t]);
            a10 = w0.fma(c1, a10);
            a11 = w1.fma(c1, a11);
            a12 = w2.fma(c1, a12);
            a13 = w3.fma(c1, a13);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(z, o + 0 * DL);
        a01.intoArray(z, o + 1 * DL);
        a02.intoArray(z, o + 2 * DL);
        a03.intoArray(z, o + 3 * DL);
        a10.intoArray(z, o + 1 * PANEL + 0 * DL);
        a11.intoArray(z, o + 1 * PANEL + 1 * DL);
        a12.intoArray(z, o + 1 * PANEL + 2 * DL);
        a13.intoArray(z, o + 1 * PANEL + 3 * DL);
    }

    /** Pre-activations of rows [i, i + 1) for one panel: bias, then fused multiply-adds in input order. */
    private static void forwardTile1(double[] x, int i, int d, double[] w, int wOff, double[] z, int zOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 0 * DL);
        DoubleVector bias1 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 1 * DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, w, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, w, p + 0 * DL);
            DoubleVector w1 = DoubleVector.fromArray(D, w, p + 1 * DL);
            DoubleVector w2 = DoubleVector.fromArray(D, w, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, w, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + 0 * d + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(z, o + 0 * DL);
        a01.intoArray(z, o + 1 * DL);
        a02.intoArray(z, o + 2 * DL);
        a03.intoArray(z, o + 3 * DL);
    }

    /** dL/dW for input dimensions [t, t + 6) of one panel: sum over points of D_i x_it. */
    private static void backwardTile6(double[] x, int n, int d, int t, double[] dz, int dOff, double[] g, int gOff) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        DoubleVector a10 = zero, a11 = zero, a12 = zero, a13 = zero;
        DoubleVector a20 = zero, a21 = zero, a22 = zero, a23 = zero;
        DoubleVector a30 = zero, a31 = zero, a32 = zero, a33 = zero;
        DoubleVector a40 = zero, a41 = zero, a42 = zero, a43 = zero;
        DoubleVector a50 = zero, a51 = zero, a52 = zero, a53 = zero;
        for (int i = 0, p = dOff, q = t; i < n; i++, p += PANEL, q += d) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p + 0 * DL);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + 1 * DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[q + 0]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            a12 = d2.fma(c1, a12);
            a13 = d3.fma(c1, a13);
            DoubleVector c2 = DoubleVector.broadcast(D, x[q + 2]);
            a20 = d0.fma(c2, a20);
            a21 = d1.fma(c2, a21);
            a22 = d2.fma(c2, a22);
            a23 = d3.fma(c2, a23);
            DoubleVector c3 = DoubleVector.broadcast(D, x[q + 3]);
            a30 = d0.fma(c3, a30);
            a31 = d1.fma(c3, a31);
            a32 = d2.fma(c3, a32);
            a33 = d3.fma(c3, a33);
            DoubleVector c4 = DoubleVector.broadcast(D, x[q + 4]);
            a40 = d0.fma(c4, a40);
            a41 = d1.fma(c4, a41);
            a42 = d2.fma(c4, a42);
            a43 = d3.fma(c4, a43);
            DoubleVector c5 = DoubleVector.broadcast(D, x[q + 5]);
            a50 = d0.fma(c5, a50);
            a51 = d1.fma(c5, a51);
            a52 = d2.fma(c5, a52);
            a53 = d3.fma(c5, a53);
        }
        int o = gOff + t * PANEL;
        a00.intoArray(g, o + 0 * PANEL + 0 * DL);
        a01.intoArray(g, o + 0 * PANEL + 1 * DL);
        a02.intoArray(g, o + 0 * PANEL + 2 * DL);
        a03.intoArray(g, o + 0 * PANEL + 3 * DL);
        a10.intoArray(g, o + 1 * PANEL + 0 * DL);
        a11.intoArray(g, o + 1 * PANEL + 1 * DL);
        a12.intoArray(g, o + 1 * PANEL + 2 * DL);
        a13.intoArray(g, o + 1 * PANEL + 3 * DL);
        a20.intoArray(g, o + 2 * PANEL + 0 * DL);
        a21.intoArray(g, o + 2 * PANEL + 1 * DL);
        a22.intoArray(g, o + 2 * PANEL + 2 * DL);
        a23.intoArray(g, o + 2 * PANEL + 3 * DL);
        a30.intoArray(g, o + 3 * PANEL + 0 * DL);
        a31.intoArray(g, o + 3 * PANEL + 1 * DL);
        a32.intoArray(g, o + 3 * PANEL + 2 * DL);
        a33.intoArray(g, o + 3 * PANEL + 3 * DL);
        a40.intoArray(g, o + 4 * PANEL + 0 * DL);
        a41.intoArray(g, o + 4 * PANEL + 1 * DL);
        a42.intoArray(g, o + 4 * PANEL + 2 * DL);
        a43.intoArray(g, o + 4 * PANEL + 3 * DL);
        a50.intoArray(g, o + 5 * PANEL + 0 * DL);
        a51.intoArray(g, o + 5 * PANEL + 1 * DL);
        a52.intoArray(g, o + 5 * PANEL + 2 * DL);
        a53.intoArray(g, o + 5 * PANEL + 3 * DL);
    }

    /** dL/dW for input dimensions [t, t + 2) of one panel: sum over points of D_i x_it. */
    private static void backwardTile2(double[] x, int n, int d, int t, double[] dz, int dOff, double[] g, int gOff) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        DoubleVector a10 = zero, a11 = zero, a12 = zero, a13 = zero;
        for (int i = 0, p = dOff, q = t; i < n; i++, p += PANEL, q += d) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p + 0 * DL);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + 1 * DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[q + 0]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            a12 = d2.fma(c1, a12);
            a13 = d3.fma(c1, a13);
        }
        int o = gOff + t * PANEL;
        a00.intoArray(g, o + 0 * PANEL + 0 * DL);
        a01.intoArray(g, o + 0 * PANEL + 1 * DL);
        a02.intoArray(g, o + 0 * PANEL + 2 * DL);
        a03.intoArray(g, o + 0 * PANEL + 3 * DL);
        a10.intoArray(g, o + 1 * PANEL + 0 * DL);
        a11.intoArray(g, o + 1 * PANEL + 1 * DL);
        a12.intoArray(g, o + 1 * PANEL + 2 * DL);
        a13.intoArray(g, o + 1 * PANEL + 3 * DL);
    }

    /** dL/dW for input dimensions [t, t + 1) of one panel: sum over points of D_i x_it. */
    private static void backwardTile1(double[] x, int n, int d, int t, double[] dz, int dOff, double[] g, int gOff) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        for (int i = 0, p = dOff, q = t; i < n; i++, p += PANEL, q += d) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p + 0 * DL);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + 1 * DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[q + 0]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
        }
        int o = gOff + t * PANEL;
        a00.intoArray(g, o + 0 * PANEL + 0 * DL);
        a01.intoArray(g, o + 0 * PANEL + 1 * DL);
        a02.intoArray(g, o + 0 * PANEL + 2 * DL);
        a03.intoArray(g, o + 0 * PANEL + 3 * DL);
    }
}

package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.D;
import static dev.sparsest.kernel.VectorLanes.DL;

/**
 * The d-D micro-kernels for panels of two vectors of neurons, for machines with 16 vector
 * registers (AVX2). Forward: 6 points x 2 vectors = 12 independent accumulators (enough to cover
 * the FMA latency on two ports), 2 panel loads and 6 broadcasts per 12 fused multiply-adds.
 * Backward: 5 input dimensions x 2 vectors, because C2 spilled one of the 6 x 2 tile's
 * accumulators to the stack inside the loop there (seen in the disassembly; 10 against 18 GFMA/s
 * on a Zen 3). Then tiles of 3 and 1 for the rest.
 */
final class PanelTiles2 {
    static final int PANEL = 2 * DL;

    private PanelTiles2() {
    }

    /**
     * Pre-activations of rows [i, i + 6) for one panel (bias, then fused multiply-adds in input
     * order) into {@code work[zOff ...]}, and their v-weighted ReLUs added to each row's partial
     * output vector at {@code work[partOff + row DL ...]}, panel after panel as the outputs need.
     */
    static void forward6(double[] x, int i, int d, double[] work, int wOff, int zOff, int vAt, int partOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, work, wOff + d * PANEL);
        DoubleVector bias1 = DoubleVector.fromArray(D, work, wOff + d * PANEL + DL);
        DoubleVector a00 = bias0, a01 = bias1;
        DoubleVector a10 = bias0, a11 = bias1;
        DoubleVector a20 = bias0, a21 = bias1;
        DoubleVector a30 = bias0, a31 = bias1;
        DoubleVector a40 = bias0, a41 = bias1;
        DoubleVector a50 = bias0, a51 = bias1;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, work, p);
            DoubleVector w1 = DoubleVector.fromArray(D, work, p + DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + d + t]);
            a10 = w0.fma(c1, a10);
            a11 = w1.fma(c1, a11);
            DoubleVector c2 = DoubleVector.broadcast(D, x[x0 + 2 * d + t]);
            a20 = w0.fma(c2, a20);
            a21 = w1.fma(c2, a21);
            DoubleVector c3 = DoubleVector.broadcast(D, x[x0 + 3 * d + t]);
            a30 = w0.fma(c3, a30);
            a31 = w1.fma(c3, a31);
            DoubleVector c4 = DoubleVector.broadcast(D, x[x0 + 4 * d + t]);
            a40 = w0.fma(c4, a40);
            a41 = w1.fma(c4, a41);
            DoubleVector c5 = DoubleVector.broadcast(D, x[x0 + 5 * d + t]);
            a50 = w0.fma(c5, a50);
            a51 = w1.fma(c5, a51);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(work, o);
        a01.intoArray(work, o + DL);
        a10.intoArray(work, o + PANEL);
        a11.intoArray(work, o + PANEL + DL);
        a20.intoArray(work, o + 2 * PANEL);
        a21.intoArray(work, o + 2 * PANEL + DL);
        a30.intoArray(work, o + 3 * PANEL);
        a31.intoArray(work, o + 3 * PANEL + DL);
        a40.intoArray(work, o + 4 * PANEL);
        a41.intoArray(work, o + 4 * PANEL + DL);
        a50.intoArray(work, o + 5 * PANEL);
        a51.intoArray(work, o + 5 * PANEL + DL);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector v0 = DoubleVector.fromArray(D, work, vAt);
        DoubleVector v1 = DoubleVector.fromArray(D, work, vAt + DL);
        int f = partOff + i * DL;
        DoubleVector f0 = DoubleVector.fromArray(D, work, f);
        f0 = zero.blend(a00, a00.compare(VectorOperators.GT, 0.0)).fma(v0, f0);
        f0 = zero.blend(a01, a01.compare(VectorOperators.GT, 0.0)).fma(v1, f0);
        f0.intoArray(work, f);
        DoubleVector f1 = DoubleVector.fromArray(D, work, f + DL);
        f1 = zero.blend(a10, a10.compare(VectorOperators.GT, 0.0)).fma(v0, f1);
        f1 = zero.blend(a11, a11.compare(VectorOperators.GT, 0.0)).fma(v1, f1);
        f1.intoArray(work, f + DL);
        DoubleVector f2 = DoubleVector.fromArray(D, work, f + 2 * DL);
        f2 = zero.blend(a20, a20.compare(VectorOperators.GT, 0.0)).fma(v0, f2);
        f2 = zero.blend(a21, a21.compare(VectorOperators.GT, 0.0)).fma(v1, f2);
        f2.intoArray(work, f + 2 * DL);
        DoubleVector f3 = DoubleVector.fromArray(D, work, f + 3 * DL);
        f3 = zero.blend(a30, a30.compare(VectorOperators.GT, 0.0)).fma(v0, f3);
        f3 = zero.blend(a31, a31.compare(VectorOperators.GT, 0.0)).fma(v1, f3);
        f3.intoArray(work, f + 3 * DL);
        DoubleVector f4 = DoubleVector.fromArray(D, work, f + 4 * DL);
        f4 = zero.blend(a40, a40.compare(VectorOperators.GT, 0.0)).fma(v0, f4);
        f4 = zero.blend(a41, a41.compare(VectorOperators.GT, 0.0)).fma(v1, f4);
        f4.intoArray(work, f + 4 * DL);
        DoubleVector f5 = DoubleVector.fromArray(D, work, f + 5 * DL);
        f5 = zero.blend(a50, a50.compare(VectorOperators.GT, 0.0)).fma(v0, f5);
        f5 = zero.blend(a51, a51.compare(VectorOperators.GT, 0.0)).fma(v1, f5);
        f5.intoArray(work, f + 5 * DL);
    }

    /**
     * Pre-activations of rows [i, i + 3) for one panel (bias, then fused multiply-adds in input
     * order) into {@code work[zOff ...]}, and their v-weighted ReLUs added to each row's partial
     * output vector at {@code work[partOff + row DL ...]}, panel after panel as the outputs need.
     */
    static void forward3(double[] x, int i, int d, double[] work, int wOff, int zOff, int vAt, int partOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, work, wOff + d * PANEL);
        DoubleVector bias1 = DoubleVector.fromArray(D, work, wOff + d * PANEL + DL);
        DoubleVector a00 = bias0, a01 = bias1;
        DoubleVector a10 = bias0, a11 = bias1;
        DoubleVector a20 = bias0, a21 = bias1;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, work, p);
            DoubleVector w1 = DoubleVector.fromArray(D, work, p + DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + d + t]);
            a10 = w0.fma(c1, a10);
            a11 = w1.fma(c1, a11);
            DoubleVector c2 = DoubleVector.broadcast(D, x[x0 + 2 * d + t]);
            a20 = w0.fma(c2, a20);
            a21 = w1.fma(c2, a21);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(work, o);
        a01.intoArray(work, o + DL);
        a10.intoArray(work, o + PANEL);
        a11.intoArray(work, o + PANEL + DL);
        a20.intoArray(work, o + 2 * PANEL);
        a21.intoArray(work, o + 2 * PANEL + DL);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector v0 = DoubleVector.fromArray(D, work, vAt);
        DoubleVector v1 = DoubleVector.fromArray(D, work, vAt + DL);
        int f = partOff + i * DL;
        DoubleVector f0 = DoubleVector.fromArray(D, work, f);
        f0 = zero.blend(a00, a00.compare(VectorOperators.GT, 0.0)).fma(v0, f0);
        f0 = zero.blend(a01, a01.compare(VectorOperators.GT, 0.0)).fma(v1, f0);
        f0.intoArray(work, f);
        DoubleVector f1 = DoubleVector.fromArray(D, work, f + DL);
        f1 = zero.blend(a10, a10.compare(VectorOperators.GT, 0.0)).fma(v0, f1);
        f1 = zero.blend(a11, a11.compare(VectorOperators.GT, 0.0)).fma(v1, f1);
        f1.intoArray(work, f + DL);
        DoubleVector f2 = DoubleVector.fromArray(D, work, f + 2 * DL);
        f2 = zero.blend(a20, a20.compare(VectorOperators.GT, 0.0)).fma(v0, f2);
        f2 = zero.blend(a21, a21.compare(VectorOperators.GT, 0.0)).fma(v1, f2);
        f2.intoArray(work, f + 2 * DL);
    }

    /**
     * Pre-activations of rows [i, i + 1) for one panel (bias, then fused multiply-adds in input
     * order) into {@code work[zOff ...]}, and their v-weighted ReLUs added to each row's partial
     * output vector at {@code work[partOff + row DL ...]}, panel after panel as the outputs need.
     */
    static void forward1(double[] x, int i, int d, double[] work, int wOff, int zOff, int vAt, int partOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, work, wOff + d * PANEL);
        DoubleVector bias1 = DoubleVector.fromArray(D, work, wOff + d * PANEL + DL);
        DoubleVector a00 = bias0, a01 = bias1;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, work, p);
            DoubleVector w1 = DoubleVector.fromArray(D, work, p + DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(work, o);
        a01.intoArray(work, o + DL);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector v0 = DoubleVector.fromArray(D, work, vAt);
        DoubleVector v1 = DoubleVector.fromArray(D, work, vAt + DL);
        int f = partOff + i * DL;
        DoubleVector f0 = DoubleVector.fromArray(D, work, f);
        f0 = zero.blend(a00, a00.compare(VectorOperators.GT, 0.0)).fma(v0, f0);
        f0 = zero.blend(a01, a01.compare(VectorOperators.GT, 0.0)).fma(v1, f0);
        f0.intoArray(work, f);
    }

    /**
     * Adds one chunk of m points to dL/dW for 5 input dimensions of one panel: D from
     * {@code dz[p ...]} (one panel row per point), the inputs packed 5 per point from
     * {@code xp[q ...]}; the running sums start at zero for the first chunk,
     * else are read from {@code g[o ...]}, and are written back there.
     */
    static void backward5(double[] xp, int q, int m, double[] dz, int p, double[] g, int o, boolean first) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = first ? zero : DoubleVector.fromArray(D, g, o), a01 = first ? zero : DoubleVector.fromArray(D, g, o + DL);
        DoubleVector a10 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL), a11 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + DL);
        DoubleVector a20 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL), a21 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL + DL);
        DoubleVector a30 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * PANEL), a31 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * PANEL + DL);
        DoubleVector a40 = first ? zero : DoubleVector.fromArray(D, g, o + 4 * PANEL), a41 = first ? zero : DoubleVector.fromArray(D, g, o + 4 * PANEL + DL);
        for (int i = 0; i < m; i++, p += PANEL, q += 5) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + DL);
            DoubleVector c0 = DoubleVector.broadcast(D, xp[q]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            DoubleVector c1 = DoubleVector.broadcast(D, xp[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            DoubleVector c2 = DoubleVector.broadcast(D, xp[q + 2]);
            a20 = d0.fma(c2, a20);
            a21 = d1.fma(c2, a21);
            DoubleVector c3 = DoubleVector.broadcast(D, xp[q + 3]);
            a30 = d0.fma(c3, a30);
            a31 = d1.fma(c3, a31);
            DoubleVector c4 = DoubleVector.broadcast(D, xp[q + 4]);
            a40 = d0.fma(c4, a40);
            a41 = d1.fma(c4, a41);
        }
        a00.intoArray(g, o);
        a01.intoArray(g, o + DL);
        a10.intoArray(g, o + PANEL);
        a11.intoArray(g, o + PANEL + DL);
        a20.intoArray(g, o + 2 * PANEL);
        a21.intoArray(g, o + 2 * PANEL + DL);
        a30.intoArray(g, o + 3 * PANEL);
        a31.intoArray(g, o + 3 * PANEL + DL);
        a40.intoArray(g, o + 4 * PANEL);
        a41.intoArray(g, o + 4 * PANEL + DL);
    }

    /**
     * Adds one chunk of m points to dL/dW for 3 input dimensions of one panel: D from
     * {@code dz[p ...]} (one panel row per point), the inputs packed 3 per point from
     * {@code xp[q ...]}; the running sums start at zero for the first chunk,
     * else are read from {@code g[o ...]}, and are written back there.
     */
    static void backward3(double[] xp, int q, int m, double[] dz, int p, double[] g, int o, boolean first) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = first ? zero : DoubleVector.fromArray(D, g, o), a01 = first ? zero : DoubleVector.fromArray(D, g, o + DL);
        DoubleVector a10 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL), a11 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + DL);
        DoubleVector a20 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL), a21 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL + DL);
        for (int i = 0; i < m; i++, p += PANEL, q += 3) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + DL);
            DoubleVector c0 = DoubleVector.broadcast(D, xp[q]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            DoubleVector c1 = DoubleVector.broadcast(D, xp[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            DoubleVector c2 = DoubleVector.broadcast(D, xp[q + 2]);
            a20 = d0.fma(c2, a20);
            a21 = d1.fma(c2, a21);
        }
        a00.intoArray(g, o);
        a01.intoArray(g, o + DL);
        a10.intoArray(g, o + PANEL);
        a11.intoArray(g, o + PANEL + DL);
        a20.intoArray(g, o + 2 * PANEL);
        a21.intoArray(g, o + 2 * PANEL + DL);
    }

    /**
     * Adds one chunk of m points to dL/dW for 1 input dimension of one panel: D from
     * {@code dz[p ...]} (one panel row per point), the inputs packed 1 per point from
     * {@code xp[q ...]}; the running sums start at zero for the first chunk,
     * else are read from {@code g[o ...]}, and are written back there.
     */
    static void backward1(double[] xp, int q, int m, double[] dz, int p, double[] g, int o, boolean first) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = first ? zero : DoubleVector.fromArray(D, g, o), a01 = first ? zero : DoubleVector.fromArray(D, g, o + DL);
        for (int i = 0; i < m; i++, p += PANEL, q += 1) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + DL);
            DoubleVector c0 = DoubleVector.broadcast(D, xp[q]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
        }
        a00.intoArray(g, o);
        a01.intoArray(g, o + DL);
    }
}

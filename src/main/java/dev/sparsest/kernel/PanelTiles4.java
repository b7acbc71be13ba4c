package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.D;
import static dev.sparsest.kernel.VectorLanes.DL;

/**
 * The d-D micro-kernels for panels of four vectors of neurons, for machines with 32 vector
 * registers (AVX-512): 6 rows x 4 vectors = 24 accumulators, 4 panel loads and 6 broadcasts per
 * 24 fused multiply-adds. Rows: points in the forward pass, input dimensions in the backward
 * pass; 2 and 1 for the rest.
 */
final class PanelTiles4 {
    static final int PANEL = 4 * DL;

    private PanelTiles4() {
    }

    /**
     * Pre-activations of rows [i, i + 6) for one panel (bias, then fused multiply-adds in input
     * order) into {@code work[zOff ...]}, and their v-weighted ReLUs added to each row's partial
     * output vector at {@code work[partOff + row DL ...]}, panel after panel as the outputs need.
     */
    static void forward6(double[] x, int i, int d, double[] work, int wOff, int zOff, int vAt, int partOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, work, wOff + d * PANEL);
        DoubleVector bias1 = DoubleVector.fromArray(D, work, wOff + d * PANEL + DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, work, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, work, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        DoubleVector a10 = bias0, a11 = bias1, a12 = bias2, a13 = bias3;
        DoubleVector a20 = bias0, a21 = bias1, a22 = bias2, a23 = bias3;
        DoubleVector a30 = bias0, a31 = bias1, a32 = bias2, a33 = bias3;
        DoubleVector a40 = bias0, a41 = bias1, a42 = bias2, a43 = bias3;
        DoubleVector a50 = bias0, a51 = bias1, a52 = bias2, a53 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, work, p);
            DoubleVector w1 = DoubleVector.fromArray(D, work, p + DL);
            DoubleVector w2 = DoubleVector.fromArray(D, work, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, work, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + d + t]);
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
        a00.intoArray(work, o);
        a01.intoArray(work, o + DL);
        a02.intoArray(work, o + 2 * DL);
        a03.intoArray(work, o + 3 * DL);
        a10.intoArray(work, o + PANEL);
        a11.intoArray(work, o + PANEL + DL);
        a12.intoArray(work, o + PANEL + 2 * DL);
        a13.intoArray(work, o + PANEL + 3 * DL);
        a20.intoArray(work, o + 2 * PANEL);
        a21.intoArray(work, o + 2 * PANEL + DL);
        a22.intoArray(work, o + 2 * PANEL + 2 * DL);
        a23.intoArray(work, o + 2 * PANEL + 3 * DL);
        a30.intoArray(work, o + 3 * PANEL);
        a31.intoArray(work, o + 3 * PANEL + DL);
        a32.intoArray(work, o + 3 * PANEL + 2 * DL);
        a33.intoArray(work, o + 3 * PANEL + 3 * DL);
        a40.intoArray(work, o + 4 * PANEL);
        a41.intoArray(work, o + 4 * PANEL + DL);
        a42.intoArray(work, o + 4 * PANEL + 2 * DL);
        a43.intoArray(work, o + 4 * PANEL + 3 * DL);
        a50.intoArray(work, o + 5 * PANEL);
        a51.intoArray(work, o + 5 * PANEL + DL);
        a52.intoArray(work, o + 5 * PANEL + 2 * DL);
        a53.intoArray(work, o + 5 * PANEL + 3 * DL);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector v0 = DoubleVector.fromArray(D, work, vAt);
        DoubleVector v1 = DoubleVector.fromArray(D, work, vAt + DL);
        DoubleVector v2 = DoubleVector.fromArray(D, work, vAt + 2 * DL);
        DoubleVector v3 = DoubleVector.fromArray(D, work, vAt + 3 * DL);
        int f = partOff + i * DL;
        DoubleVector f0 = DoubleVector.fromArray(D, work, f);
        f0 = zero.blend(a00, a00.compare(VectorOperators.GT, 0.0)).fma(v0, f0);
        f0 = zero.blend(a01, a01.compare(VectorOperators.GT, 0.0)).fma(v1, f0);
        f0 = zero.blend(a02, a02.compare(VectorOperators.GT, 0.0)).fma(v2, f0);
        f0 = zero.blend(a03, a03.compare(VectorOperators.GT, 0.0)).fma(v3, f0);
        f0.intoArray(work, f);
        DoubleVector f1 = DoubleVector.fromArray(D, work, f + DL);
        f1 = zero.blend(a10, a10.compare(VectorOperators.GT, 0.0)).fma(v0, f1);
        f1 = zero.blend(a11, a11.compare(VectorOperators.GT, 0.0)).fma(v1, f1);
        f1 = zero.blend(a12, a12.compare(VectorOperators.GT, 0.0)).fma(v2, f1);
        f1 = zero.blend(a13, a13.compare(VectorOperators.GT, 0.0)).fma(v3, f1);
        f1.intoArray(work, f + DL);
        DoubleVector f2 = DoubleVector.fromArray(D, work, f + 2 * DL);
        f2 = zero.blend(a20, a20.compare(VectorOperators.GT, 0.0)).fma(v0, f2);
        f2 = zero.blend(a21, a21.compare(VectorOperators.GT, 0.0)).fma(v1, f2);
        f2 = zero.blend(a22, a22.compare(VectorOperators.GT, 0.0)).fma(v2, f2);
        f2 = zero.blend(a23, a23.compare(VectorOperators.GT, 0.0)).fma(v3, f2);
        f2.intoArray(work, f + 2 * DL);
        DoubleVector f3 = DoubleVector.fromArray(D, work, f + 3 * DL);
        f3 = zero.blend(a30, a30.compare(VectorOperators.GT, 0.0)).fma(v0, f3);
        f3 = zero.blend(a31, a31.compare(VectorOperators.GT, 0.0)).fma(v1, f3);
        f3 = zero.blend(a32, a32.compare(VectorOperators.GT, 0.0)).fma(v2, f3);
        f3 = zero.blend(a33, a33.compare(VectorOperators.GT, 0.0)).fma(v3, f3);
        f3.intoArray(work, f + 3 * DL);
        DoubleVector f4 = DoubleVector.fromArray(D, work, f + 4 * DL);
        f4 = zero.blend(a40, a40.compare(VectorOperators.GT, 0.0)).fma(v0, f4);
        f4 = zero.blend(a41, a41.compare(VectorOperators.GT, 0.0)).fma(v1, f4);
        f4 = zero.blend(a42, a42.compare(VectorOperators.GT, 0.0)).fma(v2, f4);
        f4 = zero.blend(a43, a43.compare(VectorOperators.GT, 0.0)).fma(v3, f4);
        f4.intoArray(work, f + 4 * DL);
        DoubleVector f5 = DoubleVector.fromArray(D, work, f + 5 * DL);
        f5 = zero.blend(a50, a50.compare(VectorOperators.GT, 0.0)).fma(v0, f5);
        f5 = zero.blend(a51, a51.compare(VectorOperators.GT, 0.0)).fma(v1, f5);
        f5 = zero.blend(a52, a52.compare(VectorOperators.GT, 0.0)).fma(v2, f5);
        f5 = zero.blend(a53, a53.compare(VectorOperators.GT, 0.0)).fma(v3, f5);
        f5.intoArray(work, f + 5 * DL);
    }

    /**
     * Pre-activations of rows [i, i + 2) for one panel (bias, then fused multiply-adds in input
     * order) into {@code work[zOff ...]}, and their v-weighted ReLUs added to each row's partial
     * output vector at {@code work[partOff + row DL ...]}, panel after panel as the outputs need.
     */
    static void forward2(double[] x, int i, int d, double[] work, int wOff, int zOff, int vAt, int partOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, work, wOff + d * PANEL);
        DoubleVector bias1 = DoubleVector.fromArray(D, work, wOff + d * PANEL + DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, work, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, work, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        DoubleVector a10 = bias0, a11 = bias1, a12 = bias2, a13 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, work, p);
            DoubleVector w1 = DoubleVector.fromArray(D, work, p + DL);
            DoubleVector w2 = DoubleVector.fromArray(D, work, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, work, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, x[x0 + d + t]);
            a10 = w0.fma(c1, a10);
            a11 = w1.fma(c1, a11);
            a12 = w2.fma(c1, a12);
            a13 = w3.fma(c1, a13);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(work, o);
        a01.intoArray(work, o + DL);
        a02.intoArray(work, o + 2 * DL);
        a03.intoArray(work, o + 3 * DL);
        a10.intoArray(work, o + PANEL);
        a11.intoArray(work, o + PANEL + DL);
        a12.intoArray(work, o + PANEL + 2 * DL);
        a13.intoArray(work, o + PANEL + 3 * DL);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector v0 = DoubleVector.fromArray(D, work, vAt);
        DoubleVector v1 = DoubleVector.fromArray(D, work, vAt + DL);
        DoubleVector v2 = DoubleVector.fromArray(D, work, vAt + 2 * DL);
        DoubleVector v3 = DoubleVector.fromArray(D, work, vAt + 3 * DL);
        int f = partOff + i * DL;
        DoubleVector f0 = DoubleVector.fromArray(D, work, f);
        f0 = zero.blend(a00, a00.compare(VectorOperators.GT, 0.0)).fma(v0, f0);
        f0 = zero.blend(a01, a01.compare(VectorOperators.GT, 0.0)).fma(v1, f0);
        f0 = zero.blend(a02, a02.compare(VectorOperators.GT, 0.0)).fma(v2, f0);
        f0 = zero.blend(a03, a03.compare(VectorOperators.GT, 0.0)).fma(v3, f0);
        f0.intoArray(work, f);
        DoubleVector f1 = DoubleVector.fromArray(D, work, f + DL);
        f1 = zero.blend(a10, a10.compare(VectorOperators.GT, 0.0)).fma(v0, f1);
        f1 = zero.blend(a11, a11.compare(VectorOperators.GT, 0.0)).fma(v1, f1);
        f1 = zero.blend(a12, a12.compare(VectorOperators.GT, 0.0)).fma(v2, f1);
        f1 = zero.blend(a13, a13.compare(VectorOperators.GT, 0.0)).fma(v3, f1);
        f1.intoArray(work, f + DL);
    }

    /**
     * Pre-activations of rows [i, i + 1) for one panel (bias, then fused multiply-adds in input
     * order) into {@code work[zOff ...]}, and their v-weighted ReLUs added to each row's partial
     * output vector at {@code work[partOff + row DL ...]}, panel after panel as the outputs need.
     */
    static void forward1(double[] x, int i, int d, double[] work, int wOff, int zOff, int vAt, int partOff) {
        DoubleVector bias0 = DoubleVector.fromArray(D, work, wOff + d * PANEL);
        DoubleVector bias1 = DoubleVector.fromArray(D, work, wOff + d * PANEL + DL);
        DoubleVector bias2 = DoubleVector.fromArray(D, work, wOff + d * PANEL + 2 * DL);
        DoubleVector bias3 = DoubleVector.fromArray(D, work, wOff + d * PANEL + 3 * DL);
        DoubleVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        int x0 = i * d;
        for (int t = 0, p = wOff; t < d; t++, p += PANEL) {
            DoubleVector w0 = DoubleVector.fromArray(D, work, p);
            DoubleVector w1 = DoubleVector.fromArray(D, work, p + DL);
            DoubleVector w2 = DoubleVector.fromArray(D, work, p + 2 * DL);
            DoubleVector w3 = DoubleVector.fromArray(D, work, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, x[x0 + t]);
            a00 = w0.fma(c0, a00);
            a01 = w1.fma(c0, a01);
            a02 = w2.fma(c0, a02);
            a03 = w3.fma(c0, a03);
        }
        int o = zOff + i * PANEL;
        a00.intoArray(work, o);
        a01.intoArray(work, o + DL);
        a02.intoArray(work, o + 2 * DL);
        a03.intoArray(work, o + 3 * DL);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector v0 = DoubleVector.fromArray(D, work, vAt);
        DoubleVector v1 = DoubleVector.fromArray(D, work, vAt + DL);
        DoubleVector v2 = DoubleVector.fromArray(D, work, vAt + 2 * DL);
        DoubleVector v3 = DoubleVector.fromArray(D, work, vAt + 3 * DL);
        int f = partOff + i * DL;
        DoubleVector f0 = DoubleVector.fromArray(D, work, f);
        f0 = zero.blend(a00, a00.compare(VectorOperators.GT, 0.0)).fma(v0, f0);
        f0 = zero.blend(a01, a01.compare(VectorOperators.GT, 0.0)).fma(v1, f0);
        f0 = zero.blend(a02, a02.compare(VectorOperators.GT, 0.0)).fma(v2, f0);
        f0 = zero.blend(a03, a03.compare(VectorOperators.GT, 0.0)).fma(v3, f0);
        f0.intoArray(work, f);
    }

    /**
     * Adds one chunk of m points to dL/dW for 6 input dimensions of one panel: D from
     * {@code dz[p ...]} (one panel row per point), the inputs packed 6 per point from
     * {@code xp[q ...]}; the running sums start at zero for the first chunk,
     * else are read from {@code g[o ...]}, and are written back there.
     */
    static void backward6(double[] xp, int q, int m, double[] dz, int p, double[] g, int o, boolean first) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = first ? zero : DoubleVector.fromArray(D, g, o), a01 = first ? zero : DoubleVector.fromArray(D, g, o + DL), a02 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * DL), a03 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * DL);
        DoubleVector a10 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL), a11 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + DL), a12 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + 2 * DL), a13 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + 3 * DL);
        DoubleVector a20 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL), a21 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL + DL), a22 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL + 2 * DL), a23 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * PANEL + 3 * DL);
        DoubleVector a30 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * PANEL), a31 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * PANEL + DL), a32 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * PANEL + 2 * DL), a33 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * PANEL + 3 * DL);
        DoubleVector a40 = first ? zero : DoubleVector.fromArray(D, g, o + 4 * PANEL), a41 = first ? zero : DoubleVector.fromArray(D, g, o + 4 * PANEL + DL), a42 = first ? zero : DoubleVector.fromArray(D, g, o + 4 * PANEL + 2 * DL), a43 = first ? zero : DoubleVector.fromArray(D, g, o + 4 * PANEL + 3 * DL);
        DoubleVector a50 = first ? zero : DoubleVector.fromArray(D, g, o + 5 * PANEL), a51 = first ? zero : DoubleVector.fromArray(D, g, o + 5 * PANEL + DL), a52 = first ? zero : DoubleVector.fromArray(D, g, o + 5 * PANEL + 2 * DL), a53 = first ? zero : DoubleVector.fromArray(D, g, o + 5 * PANEL + 3 * DL);
        for (int i = 0; i < m; i++, p += PANEL, q += 6) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, xp[q]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, xp[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            a12 = d2.fma(c1, a12);
            a13 = d3.fma(c1, a13);
            DoubleVector c2 = DoubleVector.broadcast(D, xp[q + 2]);
            a20 = d0.fma(c2, a20);
            a21 = d1.fma(c2, a21);
            a22 = d2.fma(c2, a22);
            a23 = d3.fma(c2, a23);
            DoubleVector c3 = DoubleVector.broadcast(D, xp[q + 3]);
            a30 = d0.fma(c3, a30);
            a31 = d1.fma(c3, a31);
            a32 = d2.fma(c3, a32);
            a33 = d3.fma(c3, a33);
            DoubleVector c4 = DoubleVector.broadcast(D, xp[q + 4]);
            a40 = d0.fma(c4, a40);
            a41 = d1.fma(c4, a41);
            a42 = d2.fma(c4, a42);
            a43 = d3.fma(c4, a43);
            DoubleVector c5 = DoubleVector.broadcast(D, xp[q + 5]);
            a50 = d0.fma(c5, a50);
            a51 = d1.fma(c5, a51);
            a52 = d2.fma(c5, a52);
            a53 = d3.fma(c5, a53);
        }
        a00.intoArray(g, o);
        a01.intoArray(g, o + DL);
        a02.intoArray(g, o + 2 * DL);
        a03.intoArray(g, o + 3 * DL);
        a10.intoArray(g, o + PANEL);
        a11.intoArray(g, o + PANEL + DL);
        a12.intoArray(g, o + PANEL + 2 * DL);
        a13.intoArray(g, o + PANEL + 3 * DL);
        a20.intoArray(g, o + 2 * PANEL);
        a21.intoArray(g, o + 2 * PANEL + DL);
        a22.intoArray(g, o + 2 * PANEL + 2 * DL);
        a23.intoArray(g, o + 2 * PANEL + 3 * DL);
        a30.intoArray(g, o + 3 * PANEL);
        a31.intoArray(g, o + 3 * PANEL + DL);
        a32.intoArray(g, o + 3 * PANEL + 2 * DL);
        a33.intoArray(g, o + 3 * PANEL + 3 * DL);
        a40.intoArray(g, o + 4 * PANEL);
        a41.intoArray(g, o + 4 * PANEL + DL);
        a42.intoArray(g, o + 4 * PANEL + 2 * DL);
        a43.intoArray(g, o + 4 * PANEL + 3 * DL);
        a50.intoArray(g, o + 5 * PANEL);
        a51.intoArray(g, o + 5 * PANEL + DL);
        a52.intoArray(g, o + 5 * PANEL + 2 * DL);
        a53.intoArray(g, o + 5 * PANEL + 3 * DL);
    }

    /**
     * Adds one chunk of m points to dL/dW for 2 input dimensions of one panel: D from
     * {@code dz[p ...]} (one panel row per point), the inputs packed 2 per point from
     * {@code xp[q ...]}; the running sums start at zero for the first chunk,
     * else are read from {@code g[o ...]}, and are written back there.
     */
    static void backward2(double[] xp, int q, int m, double[] dz, int p, double[] g, int o, boolean first) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = first ? zero : DoubleVector.fromArray(D, g, o), a01 = first ? zero : DoubleVector.fromArray(D, g, o + DL), a02 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * DL), a03 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * DL);
        DoubleVector a10 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL), a11 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + DL), a12 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + 2 * DL), a13 = first ? zero : DoubleVector.fromArray(D, g, o + PANEL + 3 * DL);
        for (int i = 0; i < m; i++, p += PANEL, q += 2) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, xp[q]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
            DoubleVector c1 = DoubleVector.broadcast(D, xp[q + 1]);
            a10 = d0.fma(c1, a10);
            a11 = d1.fma(c1, a11);
            a12 = d2.fma(c1, a12);
            a13 = d3.fma(c1, a13);
        }
        a00.intoArray(g, o);
        a01.intoArray(g, o + DL);
        a02.intoArray(g, o + 2 * DL);
        a03.intoArray(g, o + 3 * DL);
        a10.intoArray(g, o + PANEL);
        a11.intoArray(g, o + PANEL + DL);
        a12.intoArray(g, o + PANEL + 2 * DL);
        a13.intoArray(g, o + PANEL + 3 * DL);
    }

    /**
     * Adds one chunk of m points to dL/dW for 1 input dimension of one panel: D from
     * {@code dz[p ...]} (one panel row per point), the inputs packed 1 per point from
     * {@code xp[q ...]}; the running sums start at zero for the first chunk,
     * else are read from {@code g[o ...]}, and are written back there.
     */
    static void backward1(double[] xp, int q, int m, double[] dz, int p, double[] g, int o, boolean first) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a00 = first ? zero : DoubleVector.fromArray(D, g, o), a01 = first ? zero : DoubleVector.fromArray(D, g, o + DL), a02 = first ? zero : DoubleVector.fromArray(D, g, o + 2 * DL), a03 = first ? zero : DoubleVector.fromArray(D, g, o + 3 * DL);
        for (int i = 0; i < m; i++, p += PANEL, q += 1) {
            DoubleVector d0 = DoubleVector.fromArray(D, dz, p);
            DoubleVector d1 = DoubleVector.fromArray(D, dz, p + DL);
            DoubleVector d2 = DoubleVector.fromArray(D, dz, p + 2 * DL);
            DoubleVector d3 = DoubleVector.fromArray(D, dz, p + 3 * DL);
            DoubleVector c0 = DoubleVector.broadcast(D, xp[q]);
            a00 = d0.fma(c0, a00);
            a01 = d1.fma(c0, a01);
            a02 = d2.fma(c0, a02);
            a03 = d3.fma(c0, a03);
        }
        a00.intoArray(g, o);
        a01.intoArray(g, o + DL);
        a02.intoArray(g, o + 2 * DL);
        a03.intoArray(g, o + 3 * DL);
    }
}

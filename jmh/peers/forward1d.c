/*
 * The C reference of the dense 1-D forward pass, the bar our Vector-API kernel is held to:
 *   out[i] = a x[i] + c + sum_j v[j] relu(w[j] x[i] + b[j])
 * Points are processed in blocks that stay in L1; inside a block the neuron loop is outermost,
 * so the inner loop runs over points and gcc vectorizes it without reassociating any sum (each
 * out[i] adds its terms in neuron order, like our kernel). Built with gcc -O3 -march=native.
 * Usage: forward1d N K REPS   -> prints "double <ns/pair> float <ns/pair>" (medians) and checksums.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BLOCK 512

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void forward_d(const double *restrict x, int n, const double *restrict w, const double *restrict b,
                      const double *restrict v, int k, double a, double c, double *restrict out) {
    for (int i0 = 0; i0 < n; i0 += BLOCK) {
        int i1 = i0 + BLOCK < n ? i0 + BLOCK : n;
        for (int i = i0; i < i1; i++) out[i] = 0;
        for (int j = 0; j < k; j++) {
            double wj = w[j], bj = b[j], vj = v[j];
            for (int i = i0; i < i1; i++) {
                double t = fma(wj, x[i], bj);
                out[i] += t > 0 ? vj * t : 0.0;
            }
        }
        for (int i = i0; i < i1; i++) out[i] += fma(a, x[i], c);
    }
}

static void forward_f(const float *restrict x, int n, const float *restrict w, const float *restrict b,
                      const float *restrict v, int k, float a, float c, float *restrict out) {
    for (int i0 = 0; i0 < n; i0 += BLOCK) {
        int i1 = i0 + BLOCK < n ? i0 + BLOCK : n;
        for (int i = i0; i < i1; i++) out[i] = 0;
        for (int j = 0; j < k; j++) {
            float wj = w[j], bj = b[j], vj = v[j];
            for (int i = i0; i < i1; i++) {
                float t = fmaf(wj, x[i], bj);
                out[i] += t > 0 ? vj * t : 0.0f;
            }
        }
        for (int i = i0; i < i1; i++) out[i] += fmaf(a, x[i], c);
    }
}

static int cmp(const void *p, const void *q) {
    double a = *(const double *) p, b = *(const double *) q;
    return (a > b) - (a < b);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4096;
    int k = argc > 2 ? atoi(argv[2]) : 1024;
    int reps = argc > 3 ? atoi(argv[3]) : 200;
    double *x = malloc(sizeof(double) * n), *out = malloc(sizeof(double) * n);
    double *w = malloc(sizeof(double) * k), *b = malloc(sizeof(double) * k), *v = malloc(sizeof(double) * k);
    float *xf = malloc(sizeof(float) * n), *outf = malloc(sizeof(float) * n);
    float *wf = malloc(sizeof(float) * k), *bf = malloc(sizeof(float) * k), *vf = malloc(sizeof(float) * k);
    double *times = malloc(sizeof(double) * reps);
    srand(7);
    for (int i = 0; i < n; i++) { x[i] = -2 + 4.0 * i / n; xf[i] = (float) x[i]; }
    for (int j = 0; j < k; j++) {
        w[j] = 2.0 * rand() / RAND_MAX - 1; b[j] = 2.0 * rand() / RAND_MAX - 1; v[j] = 2.0 * rand() / RAND_MAX - 1;
        wf[j] = (float) w[j]; bf[j] = (float) b[j]; vf[j] = (float) v[j];
    }
    double sum = 0, sumf = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        forward_d(x, n, w, b, v, k, 0.3, -0.1, out);
        times[r] = now() - t0;
        sum += out[r % n];
    }
    qsort(times, reps, sizeof(double), cmp);
    double nsd = times[reps / 2] * 1e9 / ((double) n * k);
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        forward_f(xf, n, wf, bf, vf, k, 0.3f, -0.1f, outf);
        times[r] = now() - t0;
        sumf += outf[r % n];
    }
    qsort(times, reps, sizeof(double), cmp);
    double nsf = times[reps / 2] * 1e9 / ((double) n * k);
    printf("double %.4f float %.4f checksum %.6g %.6g\n", nsd, nsf, sum, sumf);
    return 0;
}

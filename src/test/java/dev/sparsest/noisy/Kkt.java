package dev.sparsest.noisy;

import dev.sparsest.data.NoisyData;

/**
 * An independent optimality certificate for the penalized problem (convex, so the KKT conditions
 * are sufficient): solves D^T nu = W (y - z) row by row from the left with D's entries written
 * out (not the solver's closed form), then measures how far nu is from a valid subgradient.
 */
final class Kkt {
    private Kkt() {
    }

    /**
     * The worst violation, absolute (in nu's units, those of lambda): max over interior i of
     * (|nu_i| - lambda)+ and, where the fit clearly bends (|a_i| > bendTol), |nu_i - lambda sign(a_i)|;
     * plus the two consistency equations (sum of residuals and of x-weighted residuals), scaled
     * to nu's units by the x span.
     */
    static double violation(NoisyData d, double[] z, double lambda, double bendTol) {
        int n = d.size();
        double[] x = d.xs();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = d.weight(i) * (d.mean(i) - z[i]);
        }
        // column k of D^T nu: nu_{k-1} / h_{k-2} ... written per row of D: row i (1..n-2) has
        // 1/h_{i-1} at i-1, -(1/h_{i-1} + 1/h_i) at i, 1/h_i at i+1.
        double[] nu = new double[n]; // nu[0] = nu[n-1] = 0
        // equation for column 0: nu_1 / h_0 = r_0
        nu[1] = n > 2 ? r[0] * (x[1] - x[0]) : 0;
        for (int k = 1; k + 2 < n; k++) {
            // column k: nu_{k-1}/h_{k-1} - nu_k (1/h_{k-1} + 1/h_k) + nu_{k+1}/h_k = r_k
            double hl = x[k] - x[k - 1];
            double hr = x[k + 1] - x[k];
            double prev = k >= 2 ? nu[k - 1] / hl : 0;
            nu[k + 1] = (r[k] - prev + nu[k] * (1 / hl + 1 / hr)) * hr;
        }
        double worst = 0;
        for (int i = 1; i + 1 < n; i++) {
            worst = Math.max(worst, Math.abs(nu[i]) - lambda);
            double a = (z[i + 1] - z[i]) / (x[i + 1] - x[i]) - (z[i] - z[i - 1]) / (x[i] - x[i - 1]);
            if (Math.abs(a) > bendTol) {
                worst = Math.max(worst, Math.abs(nu[i] - lambda * Math.signum(a)));
            }
        }
        double sum = 0;
        double moment = 0;
        for (int i = 0; i < n; i++) {
            sum += r[i];
            moment += r[i] * x[i];
        }
        double span = x[n - 1] - x[0];
        worst = Math.max(worst, Math.abs(sum) * span);
        worst = Math.max(worst, Math.abs(moment - sum * x[0]));
        return worst;
    }
}

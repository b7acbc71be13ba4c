package dev.sparsest.noisy;

/**
 * One event of the lambda path: just below {@code lambda} the optimal fit has {@code knots}
 * knots; at {@code lambda} its weighted residual sum of squares and l1 path norm are as given
 * (both continuous in lambda).
 */
public record PathPoint(double lambda, int knots, double residualSumOfSquares, double l1PathNorm) {
}

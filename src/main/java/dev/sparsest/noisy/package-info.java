/**
 * Sparse fits to noisy univariate data, exactly: the fewest-knot function inside an error tube
 * ({@link dev.sparsest.noisy.TubeSolver}) and the l1-penalized least-squares fit with its path
 * over lambda ({@link dev.sparsest.noisy.PenalizedSolver}). Both return the sparsest network among
 * their optima, built by the chord-path solver.
 */
package dev.sparsest.noisy;

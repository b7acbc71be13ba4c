/**
 * Exact answers for tiny multivariate interpolation problems (THEORY.md section 2): the
 * activation patterns of the data (a hyperplane arrangement), and the l0 and l^p optima of
 * Lemma 4.1's finite problem by enumerating the vertices of its feasible set (the costs are
 * concave, so an optimum is a vertex). An oracle for the trainer and for the paper's
 * multivariate claims, not a fast solver: the work grows like N^(d + 1) candidate neurons and the
 * vertices they span, so {@link dev.sparsest.exact.multivariate.MultivariateOracle} refuses
 * instances beyond its stated size limit.
 */
package dev.sparsest.exact.multivariate;

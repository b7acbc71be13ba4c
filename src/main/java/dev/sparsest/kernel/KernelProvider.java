package dev.sparsest.kernel;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Chooses the kernel implementation once per JVM and logs one line saying which and why, at
 * DEBUG level (java.util.logging's FINE: not shown by default; {@link #describe()} gives the same
 * line to a program that wants to show it).
 *
 * <p>The Vector-API implementation is used when all of these hold:
 * <ol>
 *   <li>the module {@code jdk.incubator.vector} is in the boot layer
 *       ({@code --add-modules jdk.incubator.vector});</li>
 *   <li>the JIT has C2 (not {@code -Xint}, not {@code -XX:TieredStopAtLevel} below 4): the
 *       Vector API is slow without it;</li>
 *   <li>the preferred vector width is at least 256 bits, or the value of
 *       {@code -Dsparsest.kernels.minBits} (128 allows SSE/NEON-width vectors; below 128 bits the
 *       vector kernels refuse to be built, whatever the property says).</li>
 * </ol>
 * {@code -Dsparsest.kernels=scalar} or {@code =vector} forces a choice ({@code vector} without the
 * module is an error, not a silent fallback).
 */
public final class KernelProvider {
    public static final String PROPERTY = "sparsest.kernels";
    public static final String MIN_BITS_PROPERTY = "sparsest.kernels.minBits";
    private static final String VECTOR_CLASS = "dev.sparsest.kernel.VectorKernels";
    private static final System.Logger LOG = System.getLogger("dev.sparsest.kernel");
    private static final Kernels SCALAR = new Kernels("scalar", ScalarLoss1d.INSTANCE, ScalarLossNd.INSTANCE, ScalarSteps.INSTANCE);

    private KernelProvider() {
    }

    /** Chosen when first asked for: the JVM runs a class's initializer once, under its own lock. */
    private static final class Holder {
        static final Choice CHOSEN = chooseAndLog();
    }

    /** The implementation for this JVM (chosen on first use). */
    public static Kernels get() {
        return Holder.CHOSEN.kernels;
    }

    /** The implementation for this JVM and why, e.g. "vector-256 (preferred vector width 256 bits)" (chosen on first use). */
    public static String describe() {
        return Holder.CHOSEN.kernels.name() + " (" + Holder.CHOSEN.reason + ")";
    }

    private static Choice chooseAndLog() {
        Choice c = choose(System.getProperty(PROPERTY, "auto"), Integer.getInteger(MIN_BITS_PROPERTY, 256));
        LOG.log(Level.DEBUG, () -> "sparsest kernels: " + c.kernels.name() + " (" + c.reason + ")");
        return c;
    }

    /** The scalar reference implementation. */
    public static Kernels scalar() {
        return SCALAR;
    }

    /** True when the vector module is in the boot layer (the vector implementation can load). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The Vector-API implementation regardless of the minimum width and JIT checks; fails without
     * the module, or below the width it can serve (two double lanes).
     */
    public static Kernels vector() {
        return (Kernels) loadVector("create");
    }

    /** The float 1-D kernels, reference implementation (benchmark-facing). */
    public static Float1dKernels scalarFloat() {
        return ScalarFloat1d.INSTANCE;
    }

    /** The float 1-D kernels on vectors (benchmark-facing); fails as {@link #vector()} does. */
    public static Float1dKernels vectorFloat() {
        return (Float1dKernels) loadVector("createFloat");
    }

    private static Object loadVector(String factory) {
        if (!vectorModulePresent()) {
            throw new IllegalStateException("the Vector API is not available: run java with --add-modules jdk.incubator.vector");
        }
        try {
            return Class.forName(VECTOR_CLASS).getDeclaredMethod(factory).invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof IllegalStateException refused) {
                throw refused;
            }
            throw new IllegalStateException("the Vector API implementation failed to load: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the Vector API implementation failed to load: " + e, e);
        }
    }

    /** The choice and its reason; package-private for tests. */
    record Choice(Kernels kernels, String reason) {
    }

    static Choice choose(String mode, int minBits) {
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "scalar":
                return new Choice(scalar(), "forced by -D" + PROPERTY + "=scalar");
            case "vector":
                return new Choice(vector(), "forced by -D" + PROPERTY + "=vector");
            case "auto":
                break;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + " must be scalar, vector or auto: " + mode);
        }
        if (!vectorModulePresent()) {
            return new Choice(scalar(), "jdk.incubator.vector is not enabled; add --add-modules jdk.incubator.vector");
        }
        String noC2 = missingC2();
        if (noC2 != null) {
            return new Choice(scalar(), noC2);
        }
        int bits = vectorBits();
        if (bits < minBits) {
            return new Choice(scalar(), "preferred vector width " + bits + " bits < " + minBits
                    + " (-D" + MIN_BITS_PROPERTY + "=128 allows it)");
        }
        try {
            return new Choice(vector(), "preferred vector width " + bits + " bits");
        } catch (IllegalStateException refused) {
            return new Choice(scalar(), refused.getMessage());
        }
    }

    private static int vectorBits() {
        try {
            return (Integer) Class.forName(VECTOR_CLASS).getDeclaredMethod("bits").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why C2 is missing, or null when it is present (or the JVM cannot tell). */
    private static String missingC2() {
        String info = System.getProperty("java.vm.info", "");
        if (info.contains("interpreted mode")) {
            return "the JVM runs interpreted (-Xint): the Vector API needs C2";
        }
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (bean != null) {
                int level = Integer.parseInt(bean.getVMOption("TieredStopAtLevel").getValue());
                boolean tiered = Boolean.parseBoolean(bean.getVMOption("TieredCompilation").getValue());
                if (tiered && level < 4) {
                    return "-XX:TieredStopAtLevel=" + level + " leaves out C2, which the Vector API needs";
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return null; // no HotSpot management (another VM, or a runtime without jdk.management)
        }
        return null;
    }
}

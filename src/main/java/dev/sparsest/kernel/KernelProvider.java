package dev.sparsest.kernel;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Chooses the kernel implementation once per JVM and logs one line saying which and why.
 *
 * <p>The Vector-API implementation is used when all of these hold:
 * <ol>
 *   <li>the module {@code jdk.incubator.vector} is in the boot layer
 *       ({@code --add-modules jdk.incubator.vector});</li>
 *   <li>the JIT has C2 (not {@code -Xint}, not {@code -XX:TieredStopAtLevel} below 4): the
 *       Vector API is slow without it;</li>
 *   <li>the preferred vector width is at least 256 bits, or the value of
 *       {@code -Dsparsest.kernels.minBits} (128 allows SSE/NEON-width vectors).</li>
 * </ol>
 * {@code -Dsparsest.kernels=scalar} or {@code =vector} forces a choice ({@code vector} without the
 * module is an error, not a silent fallback).
 */
public final class KernelProvider {
    public static final String PROPERTY = "sparsest.kernels";
    public static final String MIN_BITS_PROPERTY = "sparsest.kernels.minBits";
    private static final String VECTOR_CLASS = "dev.sparsest.kernel.VectorKernels";
    private static final System.Logger LOG = System.getLogger("dev.sparsest.kernel");

    private static volatile Kernels chosen;

    private KernelProvider() {
    }

    /** The implementation for this JVM (chosen on first use). */
    public static Kernels get() {
        Kernels k = chosen;
        if (k == null) {
            synchronized (KernelProvider.class) {
                k = chosen;
                if (k == null) {
                    Choice c = choose(System.getProperty(PROPERTY, "auto"), Integer.getInteger(MIN_BITS_PROPERTY, 256));
                    LOG.log(Level.INFO, "sparsest kernels: " + c.kernels.name() + " (" + c.reason + ")");
                    chosen = k = c.kernels;
                }
            }
        }
        return k;
    }

    /** The scalar reference implementation. */
    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** True when the vector module is in the boot layer (the vector implementation can load). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The Vector-API implementation regardless of width and JIT checks; fails without the module. */
    public static Kernels vector() {
        if (!vectorModulePresent()) {
            throw new IllegalStateException("the Vector API is not available: run java with --add-modules jdk.incubator.vector");
        }
        try {
            return (Kernels) Class.forName(VECTOR_CLASS).getDeclaredMethod("create").invoke(null);
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
        Kernels vector = vector();
        int bits = vectorBits();
        if (bits < minBits) {
            return new Choice(scalar(), "preferred vector width " + bits + " bits < " + minBits
                    + " (-D" + MIN_BITS_PROPERTY + "=128 allows it)");
        }
        return new Choice(vector, "preferred vector width " + bits + " bits");
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

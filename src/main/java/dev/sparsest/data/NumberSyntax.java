package dev.sparsest.data;

/**
 * The number grammar of CSV fields: {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}
 * and, so that validation can report them by line, {@code nan}, {@code inf}, {@code infinity}
 * (any case, optional sign). Rejects what {@link Double#parseDouble} would also take but a data
 * file should not contain: hex floats, type suffixes such as {@code 1d}, embedded spaces.
 */
final class NumberSyntax {
    private NumberSyntax() {
    }

    static boolean isNumber(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        if (isNonFiniteWord(t, i)) {
            return true;
        }
        int intDigits = digits(t, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            fracDigits = digits(t, i);
            i += fracDigits;
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(t, i);
            if (expDigits == 0) {
                return false;
            }
            i += expDigits;
        }
        return i == n;
    }

    /** Parses a token accepted by {@link #isNumber}. */
    static double parse(String t) {
        int sign = t.charAt(0) == '-' ? -1 : 1;
        int start = (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        if (isNonFiniteWord(t, start)) {
            return Character.toLowerCase(t.charAt(start)) == 'n' ? Double.NaN : sign * Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }

    private static boolean isNonFiniteWord(String t, int from) {
        int len = t.length() - from;
        return (len == 3 && (t.regionMatches(true, from, "nan", 0, 3) || t.regionMatches(true, from, "inf", 0, 3)))
                || (len == 8 && t.regionMatches(true, from, "infinity", 0, 8));
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}

package dev.ferry.sandbox;

/**
 * Nordic Express tracking numbers: {@code NSX}, nine digits and a Luhn check digit. The nine digits step
 * through a permutation of all nine-digit numbers, so numbers are unique and repeatable but do not look
 * sequential, like a real carrier's.
 */
final class TrackingNumbers {

    private static final long RANGE = 900_000_000L;
    // coprime with RANGE, so sequence -> digits is one-to-one
    private static final long STRIDE = 387_420_491L;
    private static final long OFFSET = 234_567_890L;

    private TrackingNumbers() {
    }

    static String of(long sequence) {
        String digits = String.valueOf(100_000_000L + Math.floorMod(OFFSET + sequence * STRIDE, RANGE));
        return "NSX" + digits + luhn(digits);
    }

    private static int luhn(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}

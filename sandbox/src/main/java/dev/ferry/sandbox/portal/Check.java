package dev.ferry.sandbox.portal;

import java.util.Map;

/** The portal's field checks, with its messages. */
final class Check {

    private Check() {
    }

    /** Records an error for a blank or too long value; true when the value passed. */
    static boolean required(Map<String, String> errors, String name, String value, String label, int maxLength) {
        if (value.isBlank()) {
            errors.put(name, label + " is required.");
            return false;
        }
        if (value.length() > maxLength) {
            errors.put(name, label + " may be at most " + maxLength + " characters.");
            return false;
        }
        return true;
    }
}

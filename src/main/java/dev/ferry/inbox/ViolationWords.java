package dev.ferry.inbox;

/**
 * The validator's messages as a sentence beside a field. The schema's own "errorMessage" texts are
 * already plain; the generic ones a person trips over most are reworded.
 */
final class ViolationWords {

    private ViolationWords() {
    }

    static String of(String message) {
        if (message == null || message.isBlank()) {
            return "Not valid.";
        }
        if (message.startsWith("required property") || message.equals("must be at least 1 characters long")) {
            return "Required: fill this in.";
        }
        if (message.endsWith("integer expected")) {
            return "Enter a whole number, such as 2.";
        }
        if (message.contains("email")) {
            return "Enter an email address such as ana@example.com.";
        }
        String sentence = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}

package dev.ferry.orders;

public enum StepOutcome {
    OK, RETRY, SKIPPED, FAILED
}

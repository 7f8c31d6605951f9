package dev.ferry.scheduling;

/** How one fire of a schedule went; RUNNING while it goes. */
public enum RunOutcome {
    RUNNING, OK, FAILED, SKIPPED_OVERLAP, SKIPPED_PAUSED, MISFIRED
}

package dev.ferry.inbox;

import java.util.Optional;

/** Raises and settles the inbox items that are not about one order ({@link Notice}). */
public interface Notices {

    /**
     * Opens an item for the notice's subject, or brings its open one up to date. Empty when a person has
     * discarded this subject before: a mismatch someone said is fine is not raised again.
     */
    Optional<String> raise(Notice notice);

    /** Resolves the subject's open item, if there is one, recording who did it and why. */
    boolean resolve(String subject, String actor, String note);
}

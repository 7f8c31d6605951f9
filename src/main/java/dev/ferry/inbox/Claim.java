package dev.ferry.inbox;

import java.time.Instant;

/**
 * Who is working on an inbox item, since when, and until when the claim holds without them acting; a claim
 * past {@code until} holds nobody (the reviewer went for lunch), so the item is free again.
 */
record Claim(String by, Instant since, Instant until) {

    boolean active(Instant now) {
        return by != null && until != null && until.isAfter(now);
    }

    /** Someone other than {@code user} holds it now: {@code user} must take it over to act. */
    boolean heldByOtherThan(String user, Instant now) {
        return active(now) && !by.equals(user);
    }

    /**
     * The claim after {@code user} asks for the item: theirs from now (kept since when they already held it), or
     * refused while someone else holds it, unless {@code takeOver} says they mean to take it from them.
     *
     * @throws Held while another holds it and {@code takeOver} is false
     */
    static Claim take(Claim current, String user, Instant now, java.time.Duration timeout, boolean takeOver) {
        Claim held = current(current, now);
        if (held != null && !held.by().equals(user) && !takeOver) {
            throw new Held(held);
        }
        Instant since = held != null && held.by().equals(user) ? held.since() : now;
        return new Claim(user, since, now.plus(timeout));
    }

    /** Someone else works on the item: a person must take it over on purpose, never by accident. */
    static class Held extends RuntimeException {
        private final Claim claim;

        Held(Claim claim) {
            super(InboxWords.actor(claim.by()) + " is working on this item since " + claim.since()
                    + "; take it over to act on it.");
            this.claim = claim;
        }

        Claim claim() {
            return claim;
        }
    }

    /** The claim as it stands at {@code now}: null once it ran out, so nobody is shown as working on it. */
    static Claim current(Claim claim, Instant now) {
        return claim != null && claim.active(now) ? claim : null;
    }
}

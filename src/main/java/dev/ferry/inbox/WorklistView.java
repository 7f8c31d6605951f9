package dev.ferry.inbox;

import dev.ferry.orders.PageTimes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The worklist's words: who works on an item, how a replayed order ended, which field a reviewer corrects first. */
final class WorklistView {

    /** The field the "Correct …" link goes to: its id and label. */
    record Fix(String id, String label) {
    }

    /** An earlier exception of the same order, as the item's page lists it. */
    record Earlier(String id, String sentence) {
    }

    private WorklistView() {
    }

    /** "reviewer is working on this since 10:02", or "You are working on this since 10:02". */
    static String claim(Claim claim, String user) {
        if (claim == null) {
            return null;
        }
        String who = claim.by().equals(user) ? "You are" : InboxWords.actor(claim.by()) + " is";
        return who + " working on this since " + PageTimes.at(claim.since());
    }

    /** What became of an order that was sent through again, beside it in the list; null while it waits. */
    static String outcome(ExceptionStatus status, String orderStatus) {
        if (status != ExceptionStatus.RESOLVED || orderStatus == null) {
            return null;
        }
        return switch (orderStatus) {
            case "COMPLETED" -> "Completed";
            case "FLAGGED" -> "Failed again";
            case "DISCARDED" -> "Discarded later";
            default -> "Still running";
        };
    }

    /** "Came back after 1 replay", for an item whose order was replayed before. */
    static String cameBack(Integer replays) {
        if (replays == null || replays == 0) {
            return null;
        }
        return "Came back after " + (replays == 1 ? "1 replay" : replays + " replays");
    }

    /** "Replayed once by reviewer at 7 Dec 2026, 10:02:11; failed again." for each earlier exception. */
    static List<Earlier> earlier(List<InboxQueries.Attempt> attempts) {
        String replayed = attempts.size() == 1 ? "Replayed once by " : "Replayed by ";
        return attempts.stream().map(attempt -> {
            InboxItem item = attempt.item();
            String sentence = attempt.replay() == null
                    ? InboxWords.status(item.status()) + " at " + PageTimes.at(item.updatedAt()) + "."
                    : replayed + InboxWords.actor(attempt.replay().actor()) + " at "
                            + PageTimes.at(attempt.replay().at()) + "; failed again.";
            return new Earlier(item.id(), sentence);
        }).toList();
    }

    /**
     * The field a reviewer most likely corrects: the first one marked invalid, else the first whose name the
     * reason mentions ("The postal code 00000 does not exist" → Postal code), else none.
     */
    static Fix fix(EditableFields.Form form, String reason) {
        List<EditableFields.Field> fields = Stream.of(form.shipTo().stream(), form.customer().stream(),
                form.lines().stream().flatMap(l -> Stream.of(l.sku(), l.quantity()))).flatMap(s -> s).toList();
        EditableFields.Field invalid = fields.stream().filter(f -> f.error() != null).findFirst().orElse(null);
        if (invalid != null) {
            return new Fix(invalid.id(), lower(invalid.label()));
        }
        String words = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> named(words, f)).findFirst()
                .map(f -> new Fix(f.id(), lower(f.label()))).orElse(null);
    }

    // a label's first word is enough where it is specific ("Postal code", "Street", "Country code" → country)
    private static boolean named(String reason, EditableFields.Field field) {
        String label = field.label().toLowerCase(Locale.ROOT);
        if (reason.contains(label)) {
            return true;
        }
        String first = label.split("[ ,]")[0];
        return List.of("street", "city", "country", "postal").contains(first) && reason.contains(first);
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}

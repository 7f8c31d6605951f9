package dev.ferry.sandbox.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The portal's consignment book, numbered {@code NF-1000001}, {@code NF-1000002}, ... in booking order. */
final class Consignments {

    private static final long FIRST_NUMBER = 1_000_001;

    private static final Consumer<Consignment> NO_HOOK = consignment -> { };

    private final List<Consignment> booked = new ArrayList<>();
    private volatile Consumer<Consignment> onBooked = NO_HOOK;

    Consignment book(Function<String, Consignment> withNumber) {
        Consignment consignment;
        synchronized (this) {
            consignment = withNumber.apply("NF-" + (FIRST_NUMBER + booked.size()));
            booked.add(consignment);
        }
        // outside the lock: a hook that takes its time holds up only the booking that called it
        onBooked.accept(consignment);
        return consignment;
    }

    /** Replaces the consignment with that number by what {@code change} makes of it, in the same place. */
    synchronized Optional<Consignment> change(String number, UnaryOperator<Consignment> change) {
        for (int i = 0; i < booked.size(); i++) {
            if (booked.get(i).number().equals(number)) {
                booked.set(i, change.apply(booked.get(i)));
                return Optional.of(booked.get(i));
            }
        }
        return Optional.empty();
    }

    void onBooked(Consumer<Consignment> hook) {
        onBooked = hook == null ? NO_HOOK : hook;
    }

    synchronized List<Consignment> all() {
        return List.copyOf(booked);
    }

    synchronized Optional<Consignment> find(String number) {
        return booked.stream().filter(consignment -> consignment.number().equals(number)).findFirst();
    }

    /** Exact match, ignoring case and surrounding blanks, as the portal's search box does. */
    synchronized List<Consignment> withReference(String reference) {
        String wanted = normalise(reference);
        return booked.stream().filter(consignment -> normalise(consignment.reference()).equals(wanted)).toList();
    }

    synchronized void clear() {
        booked.clear();
    }

    private static String normalise(String reference) {
        return reference.strip().toLowerCase(Locale.ROOT);
    }
}

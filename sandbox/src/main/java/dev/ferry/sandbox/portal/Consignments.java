package dev.ferry.sandbox.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.StateFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The portal's consignment book, numbered {@code NF-1000001}, {@code NF-1000002}, ... in booking order. With a
 * {@link StateFile} every booking and change is also appended there before it is answered, and read back at
 * start, so numbers go on after a restart and a booking made before it is still found.
 */
final class Consignments {

    private static final long FIRST_NUMBER = 1_000_001;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Consumer<Consignment> NO_HOOK = consignment -> { };

    private final List<Consignment> booked = new ArrayList<>();
    private final StateFile file;
    private volatile Consumer<Consignment> onBooked = NO_HOOK;

    Consignments(StateFile file) {
        this.file = file;
        // a line per booking and per change of one: the last line of a number is how it stands
        Map<String, Consignment> kept = new LinkedHashMap<>();
        file.load().forEach(line -> {
            Consignment consignment = read(line);
            kept.put(consignment.number(), consignment);
        });
        booked.addAll(kept.values());
    }

    Consignment book(Function<String, Consignment> withNumber) {
        Consignment consignment;
        synchronized (this) {
            consignment = withNumber.apply("NF-" + (FIRST_NUMBER + booked.size()));
            file.append(write(consignment));
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
                Consignment changed = change.apply(booked.get(i));
                file.append(write(changed));
                booked.set(i, changed);
                return Optional.of(changed);
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
        file.clear();
    }

    void close() {
        file.close();
    }

    private static ObjectNode write(Consignment c) {
        return JSON.createObjectNode().put("number", c.number()).put("reference", c.reference())
                .put("consignee", c.consignee()).put("street", c.street()).put("postalCode", c.postalCode())
                .put("city", c.city()).put("country", c.country()).put("parcels", c.parcels())
                .put("weightKg", c.weightKg().toPlainString()).put("description", c.description())
                .put("service", c.service()).put("bookedAt", c.bookedAt().toString());
    }

    private static Consignment read(JsonNode line) {
        return new Consignment(line.path("number").asText(), line.path("reference").asText(),
                line.path("consignee").asText(), line.path("street").asText(), line.path("postalCode").asText(),
                line.path("city").asText(), line.path("country").asText(), line.path("parcels").asInt(),
                new BigDecimal(line.path("weightKg").asText()), line.path("description").asText(),
                line.path("service").asText(), Instant.parse(line.path("bookedAt").asText()));
    }

    private static String normalise(String reference) {
        return reference.strip().toLowerCase(Locale.ROOT);
    }
}

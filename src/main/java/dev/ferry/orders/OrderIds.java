package dev.ferry.orders;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Order ids: UUIDs that start with the time they were made (version 7, RFC 9562), the rest random. Orders accepted
 * together sit together in the store's indexes on the id (the orders table's key, the journal's order_id): an insert
 * goes to the newest page and the orders in flight share a few recent pages, where random ids each change a page
 * anywhere in the table, so every commit rewrote pages all over it (bench/run --only cost).
 */
final class OrderIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private OrderIds() {
    }

    static String next() {
        return GENERATOR.generate().toString();
    }
}

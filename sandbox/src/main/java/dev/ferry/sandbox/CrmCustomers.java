package dev.ferry.sandbox;

import dev.ferry.sandbox.CrmCustomer.Address;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CRM's customer directory: a few well-known customers, the scenario customers, and a plausible,
 * stable customer for any other id, because a real CRM holds far more customers than a demo lists.
 */
final class CrmCustomers {

    static final String UNKNOWN_ID = "C-404";

    private static final Instant EPOCH = Instant.parse("2023-01-09T09:00:00Z");

    static final List<CrmCustomer> REGULARS = List.of(
            customer("C-1001", "Ana Lima", "ana@example.com", "+351 21 000 0000", "retail", 0,
                    new Address("Rua Augusta 1", "Lisboa", "1100-048", "PT")),
            customer("C-1002", "Bruno Costa", "bruno.costa@example.com", "+351 22 000 0002", "retail", 41,
                    new Address("Rua de Santa Catarina 120", "Porto", "4000-442", "PT")),
            customer("C-1003", "Claire Dubois", "claire.dubois@example.com", "+33 1 40 00 00 03", "wholesale", 97,
                    new Address("12 Rue de Rivoli", "Paris", "75004", "FR")),
            customer("C-1004", "Jonas Weber", "jonas.weber@example.com", "+49 30 0000 0004", "retail", 150,
                    new Address("Friedrichstraße 43", "Berlin", "10117", "DE")),
            customer("C-1005", "Sofia Lindqvist", "sofia.lindqvist@example.com", "+46 8 000 000 05", "retail", 233,
                    new Address("Drottninggatan 53", "Stockholm", "111 21", "SE")),
            customer("C-1006", "Lucía Fernández", "lucia.fernandez@example.com", "+34 91 000 0006", "wholesale",
                    310, new Address("Calle Mayor 10", "Madrid", "28013", "ES")),
            customer("C-1007", "Daan de Vries", "daan.devries@example.com", "+31 20 000 0007", "retail", 402,
                    new Address("Damrak 70", "Amsterdam", "1012 LM", "NL")));

    // the scenario customers look ordinary to the CRM; only the ERP, accounting or shipping react to them
    static final CrmCustomer FLAKY = customer("C-FLAKY", "Filipa Rocha", "filipa.rocha@example.com",
            "+351 21 000 0101", "retail", 455, new Address("Avenida da Liberdade 200", "Lisboa", "1250-147", "PT"));
    static final CrmCustomer THROTTLE = customer("C-THROTTLE", "Tomas Novak", "tomas.novak@example.com",
            "+420 2 0000 0102", "wholesale", 470, new Address("Národní 25", "Praha", "110 00", "CZ"));
    static final CrmCustomer DOWN = customer("C-DOWN", "Dora Nilsen", "dora.nilsen@example.com",
            "+47 22 00 01 03", "retail", 488, new Address("Karl Johans gate 15", "Oslo", "0159", "NO"));
    // appears on CRM orders but is missing from the directory, as after a botched data migration
    static final CrmCustomer UNKNOWN = customer(UNKNOWN_ID, "Pedro Alves", "pedro.alves@example.com",
            "+351 21 000 0404", "retail", 500, new Address("Rua do Ouro 88", "Lisboa", "1100-063", "PT"));

    private static final Map<String, CrmCustomer> KNOWN = Stream.concat(REGULARS.stream(),
                    Stream.of(FLAKY, THROTTLE, DOWN))
            .collect(Collectors.toMap(CrmCustomer::id, Function.identity()));

    private static final List<String> FIRST_NAMES = List.of("Marta", "Nuno", "Ingrid", "Pierre", "Elena",
            "Mateo", "Anna", "Lars", "Chiara", "Tiago", "Femke", "Jakub");
    private static final List<String> LAST_NAMES = List.of("Santos", "Moreau", "Schmidt", "Berg", "Rossi",
            "Garcia", "Jansen", "Kowalski", "Pereira", "Olsen", "Keller", "Martins");

    private CrmCustomers() {
    }

    /** Every id is a customer, except {@link #UNKNOWN_ID}. */
    static Optional<CrmCustomer> find(String id) {
        if (UNKNOWN_ID.equals(id)) {
            return Optional.empty();
        }
        return Optional.of(KNOWN.getOrDefault(id, synthesise(id)));
    }

    private static CrmCustomer synthesise(String id) {
        int hash = Math.abs(id.hashCode() % 1_000_000);
        String first = FIRST_NAMES.get(hash % FIRST_NAMES.size());
        String last = LAST_NAMES.get(hash / FIRST_NAMES.size() % LAST_NAMES.size());
        CrmCustomer home = REGULARS.get(hash % REGULARS.size());
        Address near = home.address();
        String street = near.line1().replaceAll("\\d+", "").trim() + " " + (hash % 90 + 2);
        return customer(id, first + " " + last, email(first, last),
                phone(home.phone(), hash), hash % 4 == 0 ? "wholesale" : "retail",
                hash % 700, new Address(street, near.city(), near.zip(), near.countryCode()));
    }

    /** Same country code as the neighbour, own number. */
    private static String phone(String neighbour, int hash) {
        return neighbour.substring(0, neighbour.indexOf(' ')) + " %03d %04d".formatted(hash % 1000, hash % 10_000);
    }

    private static String email(String first, String last) {
        String ascii = Normalizer.normalize(first + "." + last, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replace(' ', '-') + "@example.com";
    }

    private static CrmCustomer customer(String id, String name, String email, String phone, String segment,
            int daysAfterEpoch, Address address) {
        return new CrmCustomer(id, name, email, phone, segment, EPOCH.plus(Duration.ofDays(daysAfterEpoch)),
                address);
    }
}

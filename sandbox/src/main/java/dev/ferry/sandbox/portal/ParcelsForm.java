package dev.ferry.sandbox.portal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Page 2 of a booking, as typed: what is sent, and how fast. */
record ParcelsForm(String parcels, String weightKg, String description, String service) {

    static final Map<String, String> SERVICES = services();

    private static final Pattern WHOLE = Pattern.compile("\\d{1,2}");
    private static final Pattern WEIGHT = Pattern.compile("\\d{1,5}(\\.\\d)?");
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("10000");

    static ParcelsForm from(PortalRequest request) {
        return new ParcelsForm(request.field("parcels").strip(), request.field("weight").strip(),
                request.field("description").strip(), request.field("service").strip());
    }

    static ParcelsForm empty() {
        return new ParcelsForm("", "", "", "standard");
    }

    Map<String, String> values() {
        return Map.of("parcels", parcels, "weight", weightKg, "description", description, "service", service);
    }

    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!WHOLE.matcher(parcels).matches() || Integer.parseInt(parcels) < 1) {
            errors.put("parcels", "Number of parcels must be a whole number from 1 to 99.");
        }
        if (!WEIGHT.matcher(weightKg).matches() || weight().signum() <= 0 || weight().compareTo(MAX_WEIGHT) > 0) {
            errors.put("weight", "Total weight must be a number of kg from 0.1 to 10000, e.g. 12.5");
        }
        Check.required(errors, "description", description, "Description of goods", 100);
        if (!SERVICES.containsKey(service)) {
            errors.put("service", "Please choose a service.");
        }
        return errors;
    }

    int parcelCount() {
        return Integer.parseInt(parcels);
    }

    BigDecimal weight() {
        return new BigDecimal(weightKg);
    }

    private static Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("standard", "Standard");
        services.put("express", "Express");
        return Collections.unmodifiableMap(services);
    }
}

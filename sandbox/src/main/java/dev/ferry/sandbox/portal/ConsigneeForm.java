package dev.ferry.sandbox.portal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Page 1 of a booking, as typed: who receives the consignment, and where. */
record ConsigneeForm(String reference, String consignee, String street, String postalCode, String city,
        String country) {

    static final Map<String, String> COUNTRIES = countries();

    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}");

    static ConsigneeForm from(PortalRequest request) {
        return new ConsigneeForm(request.field("reference").strip(), request.field("consignee").strip(),
                request.field("street").strip(), request.field("postalCode").strip(), request.field("city").strip(),
                request.field("country").strip());
    }

    static ConsigneeForm empty() {
        return new ConsigneeForm("", "", "", "", "", "");
    }

    Map<String, String> values() {
        return Map.of("reference", reference, "consignee", consignee, "street", street, "postalCode", postalCode,
                "city", city, "country", country);
    }

    /** Field name to message, empty when the page may be left. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        Check.required(errors, "reference", reference, "Customer reference", 35);
        Check.required(errors, "consignee", consignee, "Company / name", 60);
        Check.required(errors, "street", street, "Street", 60);
        if (Check.required(errors, "postalCode", postalCode, "Postal code", 10)
                && !POSTAL_CODE.matcher(postalCode).matches()) {
            errors.put("postalCode", "Postal code may contain only letters, digits, spaces and hyphens.");
        }
        Check.required(errors, "city", city, "City", 40);
        if (!COUNTRIES.containsKey(country)) {
            errors.put("country", "Please choose a country.");
        }
        return errors;
    }

    String countryName() {
        return COUNTRIES.getOrDefault(country, country);
    }

    private static Map<String, String> countries() {
        Map<String, String> countries = new LinkedHashMap<>();
        countries.put("SE", "Sweden");
        countries.put("NO", "Norway");
        countries.put("DK", "Denmark");
        countries.put("FI", "Finland");
        countries.put("DE", "Germany");
        countries.put("NL", "Netherlands");
        countries.put("FR", "France");
        countries.put("ES", "Spain");
        countries.put("PT", "Portugal");
        countries.put("CZ", "Czech Republic");
        countries.put("PL", "Poland");
        countries.put("GB", "United Kingdom");
        return Collections.unmodifiableMap(countries);
    }
}

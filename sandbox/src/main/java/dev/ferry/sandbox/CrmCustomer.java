package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A customer as the CRM knows it; the address is where its orders are delivered. */
record CrmCustomer(String id, String name, String email, String phone, String segment, Instant createdAt,
        Address address) {

    record Address(String line1, String city, String zip, String countryCode) {
    }

    ObjectNode toJson() {
        return Json.object()
                .put("id", id)
                .put("name", name)
                .put("email", email)
                .put("phone", phone)
                .put("segment", segment)
                .put("createdAt", createdAt.toString());
    }

    ObjectNode account() {
        return Json.object().put("id", id).put("name", name).put("email", email);
    }
}

package dev.ferry.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Function;

/** How a simulated system recognises its caller, and what it says when it does not. */
record Auth(Function<Call, String> presented, String expected, String challenge, String message) {

    static Auth bearer(SandboxSystem system, String token) {
        return new Auth(call -> call.header("Authorization"), "Bearer " + token, "Bearer",
                "The " + system.title() + " refused the request because its API token is missing or wrong;"
                        + " check the " + system.title() + " token in Ferry's connector settings.");
    }

    static Auth apiKey(SandboxSystem system, String header, String key) {
        return new Auth(call -> call.header(header), key, null,
                "The " + system.title() + " refused the request because its API key is missing or wrong;"
                        + " check the " + system.title() + " API key in Ferry's connector settings.");
    }

    static Auth basic(SandboxSystem system, String username, String password) {
        String credentials = Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Auth(call -> call.header("Authorization"), "Basic " + credentials,
                "Basic realm=\"" + system.key() + "\"",
                "The " + system.title() + " refused the request because the user name or password is missing"
                        + " or wrong; check the " + system.title() + " credentials in Ferry's connector settings.");
    }

    boolean accepts(Call call) {
        String given = presented.apply(call);
        // constant-time, so the simulator does not teach a client to probe secrets byte by byte
        return given != null && MessageDigest.isEqual(
                given.trim().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    Reply refusal() {
        Reply reply = Reply.error(401, "unauthorized", message);
        return challenge == null ? reply : reply.withHeader("WWW-Authenticate", challenge);
    }
}

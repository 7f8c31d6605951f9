package dev.ferry.sandbox;

import dev.ferry.sandbox.portal.PortalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code ferry.sandbox.*} settings. A port of 0 means any free port; in a Spring application
 * {@link SandboxPorts} has replaced it with the real one before these are bound. {@code stateDir} is where the
 * systems keep their records across restarts ({@link StateFile}); without one they keep nothing.
 */
@ConfigurationProperties("ferry.sandbox")
public record SandboxSettings(boolean enabled, @DefaultValue("true") boolean requestJournal, @DefaultValue Crm crm,
        @DefaultValue Erp erp, @DefaultValue Accounting accounting, @DefaultValue Shipping shipping,
        @DefaultValue Faults faults, @DefaultValue PortalSettings portal, Path stateDir) {

    private static final String CRM_TOKEN = "crm-sandbox-token";
    private static final String TRICKLE_EVERY = "15s";
    private static final String TRICKLE_INITIAL = "4";
    private static final String TRICKLE_MAX = "200";
    private static final String ERP_API_KEY = "erp-sandbox-key";
    private static final String ACCOUNTING_USERNAME = "ferry";
    private static final String ACCOUNTING_PASSWORD = "accounting-sandbox";
    private static final String SHIPPING_TOKEN = "shipping-sandbox-token";

    public SandboxSettings {
        // --ferry.sandbox.state-dir= (empty) keeps nothing, as no setting does, rather than files in the working dir
        if (stateDir != null && stateDir.toString().isBlank()) {
            stateDir = null;
        }
    }

    /**
     * The same values as {@code config/application-sandbox.yaml}, on free ports, except that the portal's
     * hazards are off: a test sees a slow or busy page only when it asks for one. No injected faults, the
     * request journal on, and nothing kept across restarts.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(true, true,
                new Crm(0, CRM_TOKEN, Duration.parse("PT" + TRICKLE_EVERY), Integer.parseInt(TRICKLE_INITIAL),
                        Integer.parseInt(TRICKLE_MAX)),
                new Erp(0, ERP_API_KEY),
                new Accounting(0, ACCOUNTING_USERNAME, ACCOUNTING_PASSWORD),
                new Shipping(0, SHIPPING_TOKEN),
                Faults.off(),
                PortalSettings.defaults(),
                null);
    }

    public SandboxSettings withCrm(Crm crm) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    public SandboxSettings withErp(Erp erp) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    public SandboxSettings withAccounting(Accounting accounting) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    public SandboxSettings withShipping(Shipping shipping) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    /** Off, WireMock keeps no journal: {@code server().findAll(...)} and {@code verify(...)} then throw. */
    public SandboxSettings withRequestJournal(boolean requestJournal) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    public SandboxSettings withFaults(Faults faults) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    public SandboxSettings withPortal(PortalSettings portal) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    /** The systems keep their records in this directory across restarts; null keeps nothing. */
    public SandboxSettings withStateDir(Path stateDir) {
        return new SandboxSettings(enabled, requestJournal, crm, erp, accounting, shipping, faults, portal, stateDir);
    }

    public record Crm(int port, @DefaultValue(CRM_TOKEN) String token,
            @DefaultValue(TRICKLE_EVERY) Duration trickleEvery, @DefaultValue(TRICKLE_INITIAL) int trickleInitial,
            @DefaultValue(TRICKLE_MAX) int trickleMax) {

        public Crm {
            if (trickleEvery == null || trickleEvery.isZero() || trickleEvery.isNegative()) {
                throw new IllegalArgumentException("ferry.sandbox.crm.trickle-every must be a positive duration,"
                        + " but is " + trickleEvery);
            }
            if (trickleInitial < 0 || trickleMax < trickleInitial) {
                throw new IllegalArgumentException("ferry.sandbox.crm.trickle-initial must be between 0 and"
                        + " trickle-max (" + trickleMax + "), but is " + trickleInitial);
            }
        }

        public Crm withTrickle(Duration every, int initial, int max) {
            return new Crm(port, token, every, initial, max);
        }
    }

    public record Erp(int port, @DefaultValue(ERP_API_KEY) String apiKey) {
    }

    public record Accounting(int port, @DefaultValue(ACCOUNTING_USERNAME) String username,
            @DefaultValue(ACCOUNTING_PASSWORD) String password) {
    }

    public record Shipping(int port, @DefaultValue(SHIPPING_TOKEN) String token) {
    }

    /**
     * {@code ferry.sandbox.faults.*}: the share of requests to the four API systems that meet an injected fault,
     * drawn from a sequence seeded with {@code seed}, and the kinds to choose from, evenly.
     */
    public record Faults(@DefaultValue("0") double rate, @DefaultValue("42") long seed,
            @DefaultValue({"503", "429", "reset"}) List<String> kinds) {

        public Faults {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("ferry.sandbox.faults.rate must be a share between 0 and 1"
                        + " (0.2 = one request in five), but is " + rate);
            }
            if (kinds == null || kinds.isEmpty()) {
                throw new IllegalArgumentException("ferry.sandbox.faults.kinds must name at least one of "
                        + FaultKind.labels() + "; to inject no faults set ferry.sandbox.faults.rate to 0");
            }
            kinds = kinds.stream().map(FaultKind::of).map(FaultKind::label).distinct().toList();
        }

        /** No faults; the kinds a rate would choose from are all three. */
        public static Faults off() {
            return new Faults(0, 42, FaultKind.labels());
        }

        public static Faults of(double rate, long seed, FaultKind... kinds) {
            return new Faults(rate, seed, Stream.of(kinds).map(FaultKind::label).toList());
        }

        List<FaultKind> faultKinds() {
            return kinds.stream().map(FaultKind::of).toList();
        }
    }
}

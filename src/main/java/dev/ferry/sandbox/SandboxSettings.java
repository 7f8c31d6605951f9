package dev.ferry.sandbox;

import dev.ferry.sandbox.portal.PortalSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code ferry.sandbox.*} settings. A port of 0 means any free port; in a Spring application
 * {@link SandboxPorts} has replaced it with the real one before these are bound.
 */
@ConfigurationProperties("ferry.sandbox")
public record SandboxSettings(boolean enabled, @DefaultValue Crm crm, @DefaultValue Erp erp,
        @DefaultValue Accounting accounting, @DefaultValue Shipping shipping, @DefaultValue PortalSettings portal) {

    private static final String CRM_TOKEN = "crm-sandbox-token";
    private static final String TRICKLE_EVERY = "15s";
    private static final String TRICKLE_INITIAL = "4";
    private static final String TRICKLE_MAX = "200";
    private static final String ERP_API_KEY = "erp-sandbox-key";
    private static final String ACCOUNTING_USERNAME = "ferry";
    private static final String ACCOUNTING_PASSWORD = "accounting-sandbox";
    private static final String SHIPPING_TOKEN = "shipping-sandbox-token";

    /**
     * The same values as {@code config/application-sandbox.yaml}, on free ports, except that the portal's
     * hazards are off: a test sees a slow or busy page only when it asks for one.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(true,
                new Crm(0, CRM_TOKEN, Duration.parse("PT" + TRICKLE_EVERY), Integer.parseInt(TRICKLE_INITIAL),
                        Integer.parseInt(TRICKLE_MAX)),
                new Erp(0, ERP_API_KEY),
                new Accounting(0, ACCOUNTING_USERNAME, ACCOUNTING_PASSWORD),
                new Shipping(0, SHIPPING_TOKEN),
                PortalSettings.defaults());
    }

    public SandboxSettings withCrm(Crm crm) {
        return new SandboxSettings(enabled, crm, erp, accounting, shipping, portal);
    }

    public SandboxSettings withErp(Erp erp) {
        return new SandboxSettings(enabled, crm, erp, accounting, shipping, portal);
    }

    public SandboxSettings withAccounting(Accounting accounting) {
        return new SandboxSettings(enabled, crm, erp, accounting, shipping, portal);
    }

    public SandboxSettings withShipping(Shipping shipping) {
        return new SandboxSettings(enabled, crm, erp, accounting, shipping, portal);
    }

    public SandboxSettings withPortal(PortalSettings portal) {
        return new SandboxSettings(enabled, crm, erp, accounting, shipping, portal);
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
}

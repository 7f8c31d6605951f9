package dev.ferry.sandbox;

import dev.ferry.sandbox.portal.LegacyPortal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four simulated systems (CRM, ERP, accounting, shipping), each a WireMock server on its own loopback
 * port, and the Nordic Freight legacy portal on a fifth. In the {@code sandbox} profile Spring starts them as
 * a bean; a test starts them with {@link #start(SandboxSettings)} and stops them with {@link #close()}.
 */
public final class SandboxSystems implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxSystems.class);

    private final SandboxCrm crm;
    private final SandboxErp erp;
    private final SandboxAccounting accounting;
    private final SandboxShipping shipping;
    private final ServerOptions options;
    private LegacyPortal portal;

    private SandboxSystems(SandboxSettings settings, Clock clock) {
        options = ServerOptions.of(settings);
        Path state = settings.stateDir();
        crm = new SandboxCrm(settings.crm(), clock, StateFile.in(state, "crm-order-updates.jsonl"),
                StateFile.in(state, "crm-trickle.jsonl"));
        erp = new SandboxErp(settings.erp(), clock, StateFile.in(state, "erp-sales-orders.jsonl"));
        accounting = new SandboxAccounting(settings.accounting(), clock, StateFile.in(state, "accounting-invoices.jsonl"));
        shipping = new SandboxShipping(settings.shipping(), clock, StateFile.in(state, "shipping-shipments.jsonl"));
    }

    /** Starts all five; if one cannot listen on its port, none is left running. */
    public static SandboxSystems start(SandboxSettings settings) {
        // millisecond timestamps read better in replies than the JVM's nanoseconds
        return start(settings, Clock.tickMillis(ZoneOffset.UTC));
    }

    static SandboxSystems start(SandboxSettings settings, Clock clock) {
        SandboxSystems systems = new SandboxSystems(settings, clock);
        try {
            systems.all().forEach(api -> api.start(systems.options));
            systems.portal = LegacyPortal.start(settings.portal(),
                    StateFile.in(settings.stateDir(), "portal-consignments.jsonl"));
        } catch (RuntimeException e) {
            systems.stop();
            throw e;
        }
        log.info("Sandbox systems listening: CRM {}, ERP {}, accounting {}, shipping {}, Nordic Freight portal {}",
                systems.crm.baseUrl(), systems.erp.baseUrl(), systems.accounting.baseUrl(),
                systems.shipping.baseUrl(), systems.portal.baseUrl());
        if (settings.stateDir() != null) {
            log.info("Sandbox systems keep their records in {}: {} sales orders, {} invoices, {} shipments,"
                    + " {} consignments so far", settings.stateDir(), systems.erp.salesOrders(),
                    systems.accounting.invoices(), systems.shipping.shipments(), systems.portal.consignments().size());
        }
        if (settings.faults().rate() > 0) {
            log.info("Sandbox systems inject faults into {}% of requests: {} (seed {})",
                    settings.faults().rate() * 100, settings.faults().kinds(), settings.faults().seed());
        }
        return systems;
    }

    public SandboxCrm crm() {
        return crm;
    }

    public SandboxErp erp() {
        return erp;
    }

    public SandboxAccounting accounting() {
        return accounting;
    }

    public SandboxShipping shipping() {
        return shipping;
    }

    /** The freight carrier's legacy web portal, for bots; it has no API. */
    public LegacyPortal portal() {
        return portal;
    }

    public SimulatedApi system(SandboxSystem system) {
        return switch (system) {
            case CRM -> crm;
            case ERP -> erp;
            case ACCOUNTING -> accounting;
            case SHIPPING -> shipping;
        };
    }

    /** Requests per system and injected faults per kind since start or the last {@link #reset()}. */
    public SandboxStats stats() {
        return options.stats();
    }

    /** {@code http://localhost:<port>} of one system. */
    public String baseUrl(SandboxSystem system) {
        return system(system).baseUrl();
    }

    /**
     * Forgets all records, idempotency keys and journalled requests (in the state directory too), restarts the
     * CRM's trickle and the fault sequence, zeroes the stats, and resets the portal (consignments, sessions,
     * hazards).
     */
    public void reset() {
        all().forEach(SimulatedApi::reset);
        options.faults().restart();
        options.stats().reset();
        portal.reset();
    }

    public void stop() {
        all().forEach(SimulatedApi::stop);
        if (portal != null) {
            portal.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private List<SimulatedApi> all() {
        return List.of(crm, erp, accounting, shipping);
    }
}

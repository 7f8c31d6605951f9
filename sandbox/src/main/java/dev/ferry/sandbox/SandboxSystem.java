package dev.ferry.sandbox;

/** The four simulated systems, named as in the {@code ferry.sandbox.<key>.*} settings. */
public enum SandboxSystem {

    CRM("crm", "CRM"),
    ERP("erp", "ERP"),
    ACCOUNTING("accounting", "accounting system"),
    SHIPPING("shipping", "shipping service");

    private final String key;
    private final String title;

    SandboxSystem(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The settings key, e.g. {@code erp} in {@code ferry.sandbox.erp.port}. */
    public String key() {
        return key;
    }

    /** How error messages name the system to a back-office reader. */
    String title() {
        return title;
    }

    String portProperty() {
        return "ferry.sandbox." + key + ".port";
    }
}

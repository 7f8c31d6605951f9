package dev.ferry.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The four systems on free ports for one test class, with records and journals cleared before each test. */
final class RunningSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private SandboxSystems systems;

    SandboxSystems systems() {
        return systems;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        systems = SandboxSystems.start(SandboxSettings.defaults());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        systems.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        systems.close();
    }
}

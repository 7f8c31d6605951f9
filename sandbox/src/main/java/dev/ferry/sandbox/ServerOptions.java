package dev.ferry.sandbox;

/** What the four API systems' servers share: whether WireMock journals requests, the faults, the counters. */
record ServerOptions(boolean requestJournal, InjectedFaults faults, SandboxStats stats) {

    static ServerOptions of(SandboxSettings settings) {
        return new ServerOptions(settings.requestJournal(), new InjectedFaults(settings.faults()), new SandboxStats());
    }
}

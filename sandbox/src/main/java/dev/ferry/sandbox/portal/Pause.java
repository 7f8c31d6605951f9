package dev.ferry.sandbox.portal;

import java.time.Duration;

/** How a slow page waits; a test swaps in one that returns at once or waits for a signal. */
@FunctionalInterface
interface Pause {

    Pause SLEEP = delay -> Thread.sleep(delay.toMillis());

    void pause(Duration delay) throws InterruptedException;
}

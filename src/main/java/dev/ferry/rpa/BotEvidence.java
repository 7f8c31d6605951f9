package dev.ferry.rpa;

import java.util.List;

/** What a failed bot run left behind for people to look at, found by the order the run worked for. */
public interface BotEvidence {

    /** The screenshot and page HTML of the order's latest bot run, if that run failed; else empty. */
    List<BotArtifact> ofFailedRun(String orderId);
}

package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InjectedFaultsTests {

    private static final int DRAWS = 10_000;

    @Test
    void faultsTheConfiguredShareOfRequestsWithTheKindsSplitEvenly() {
        InjectedFaults faults = new InjectedFaults(SandboxSettings.Faults.of(0.2, 42,
                FaultKind.UNAVAILABLE, FaultKind.TOO_MANY_REQUESTS, FaultKind.RESET));

        Map<FaultKind, Integer> met = count(faults, DRAWS);

        assertThat(met.values().stream().mapToInt(Integer::intValue).sum()).isBetween(1_900, 2_100);
        assertThat(met).containsOnlyKeys(FaultKind.values())
                .allSatisfy((kind, times) -> assertThat(times).as(kind.label()).isBetween(567, 767));
    }

    @Test
    void drawsTheSameSequenceForTheSameSeedAndAgainAfterARestart() {
        SandboxSettings.Faults settings = SandboxSettings.Faults.of(0.3, 7, FaultKind.UNAVAILABLE, FaultKind.RESET);
        InjectedFaults one = new InjectedFaults(settings);
        List<FaultKind> first = sequence(one, 200);

        assertThat(sequence(new InjectedFaults(settings), 200)).isEqualTo(first);
        one.restart();
        assertThat(sequence(one, 200)).isEqualTo(first);
        assertThat(sequence(new InjectedFaults(SandboxSettings.Faults.of(0.3, 8, FaultKind.UNAVAILABLE,
                FaultKind.RESET)), 200)).isNotEqualTo(first);
    }

    @Test
    void injectsOnlyTheChosenKinds() {
        InjectedFaults faults = new InjectedFaults(SandboxSettings.Faults.of(0.5, 42, FaultKind.RESET));

        assertThat(count(faults, 1_000)).containsOnlyKeys(FaultKind.RESET);
    }

    @Test
    void injectsNothingAtRateZeroAndFaultsEveryRequestAtRateOne() {
        assertThat(count(new InjectedFaults(SandboxSettings.Faults.off()), 1_000)).isEmpty();
        assertThat(count(new InjectedFaults(SandboxSettings.Faults.of(1, 42, FaultKind.TOO_MANY_REQUESTS)), 1_000))
                .containsExactly(Map.entry(FaultKind.TOO_MANY_REQUESTS, 1_000));
    }

    @Test
    void refusesARateOutsideZeroToOneAndAnUnknownKind() {
        assertThatThrownBy(() -> new SandboxSettings.Faults(1.5, 42, List.of("503")))
                .hasMessage("ferry.sandbox.faults.rate must be a share between 0 and 1 (0.2 = one request in five),"
                        + " but is 1.5");
        assertThatThrownBy(() -> new SandboxSettings.Faults(0.2, 42, List.of("503", "500")))
                .hasMessage("ferry.sandbox.faults.kinds may name [503, 429, reset], but names \"500\"");
        assertThatThrownBy(() -> new SandboxSettings.Faults(0.2, 42, List.of()))
                .hasMessageStartingWith("ferry.sandbox.faults.kinds must name at least one of [503, 429, reset]");
    }

    private static Map<FaultKind, Integer> count(InjectedFaults faults, int draws) {
        Map<FaultKind, Integer> met = new EnumMap<>(FaultKind.class);
        sequence(faults, draws).stream().filter(kind -> kind != null).forEach(kind -> met.merge(kind, 1, Integer::sum));
        return met;
    }

    private static List<FaultKind> sequence(InjectedFaults faults, int draws) {
        List<FaultKind> drawn = new ArrayList<>();
        IntStream.range(0, draws).forEach(i -> drawn.add(faults.next()));
        return drawn;
    }
}

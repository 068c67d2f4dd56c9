package dev.sluice.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static List<FleetMember> nodes(String... ids) {
        List<FleetMember> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new FleetMember(id, "http://" + id + ":8083/", 0));
        }
        return out;
    }

    private static List<String> ids(List<FleetMember> members) {
        return members.stream().map(FleetMember::id).toList();
    }

    private static final List<String> CONNECTORS = IntStream.range(0, 200).mapToObj(i -> "connector-" + i).toList();

    @Test
    void everyNodeComputesTheSamePlacementWhateverOrderItSeesTheNodesIn() {
        List<FleetMember> members = nodes("a", "b", "c", "d");
        List<FleetMember> reversed = new ArrayList<>(members);
        java.util.Collections.reverse(reversed);

        for (String connector : CONNECTORS) {
            assertThat(ids(Placement.nodesFor(connector, 2, members)))
                    .isEqualTo(ids(Placement.nodesFor(connector, 2, reversed)));
        }
    }

    @Test
    void atMostOneWorkerANodeAndOnEveryNodeWhenThereAreTooFew() {
        List<FleetMember> members = nodes("a", "b", "c");

        assertThat(ids(Placement.nodesFor("orders", 2, members))).hasSize(2).doesNotHaveDuplicates();
        assertThat(ids(Placement.nodesFor("orders", 5, members))).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void whenANodeLeavesOnlyTheWorkersItRanMove() {
        List<FleetMember> before = nodes("a", "b", "c", "d");
        List<FleetMember> after = nodes("a", "b", "d");

        for (String connector : CONNECTORS) {
            List<String> was = ids(Placement.nodesFor(connector, 2, before));
            List<String> now = ids(Placement.nodesFor(connector, 2, after));
            List<String> kept = new ArrayList<>(was);
            kept.remove("c");
            assertThat(now).as(connector).containsAll(kept);
        }
    }

    @Test
    void aJoiningNodeTakesOnlyWorkersThatMoveToItAndAFairShare() {
        List<FleetMember> before = nodes("a", "b", "c");
        List<FleetMember> after = nodes("a", "b", "c", "d");
        Map<String, Integer> load = new HashMap<>();

        for (String connector : CONNECTORS) {
            List<String> was = ids(Placement.nodesFor(connector, 1, before));
            List<String> now = ids(Placement.nodesFor(connector, 1, after));
            if (!now.equals(was)) {
                assertThat(now).as(connector).containsExactly("d");
            }
            load.merge(now.get(0), 1, Integer::sum);
        }
        // 200 single-worker connectors over 4 nodes: each gets a share, none all
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(25, 75));
    }

    @Test
    void theExplanationNamesTheNodesAndTheRule() {
        assertThat(Placement.explain("orders", 2, nodes("a", "b", "c")))
                .startsWith("orders: 2 worker(s) on [")
                .endsWith("the highest rendezvous scores among 3 live node(s)");
        assertThat(Placement.explain("orders", 5, nodes("a", "b")))
                .contains(" x3").contains(" x2");
    }

    @Test
    void everyWorkerIsPlacedOnceOneANodeWhileThereAreEnoughNodesThenRoundAgain() {
        List<FleetMember> members = nodes("a", "b", "c");
        for (String connector : CONNECTORS.subList(0, 50)) {
            for (int workers = 1; workers <= 7; workers++) {
                int total = 0;
                for (FleetMember node : members) {
                    int here = Placement.workersOn(node.id(), connector, workers, members);
                    assertThat(here).as(connector + " on " + node.id())
                            .isBetween(workers / 3, (workers + 2) / 3);
                    total += here;
                }
                assertThat(total).as(connector).isEqualTo(workers);
            }
            // the nodes that run one worker each are the ones nodesFor names
            for (FleetMember node : members) {
                assertThat(Placement.workersOn(node.id(), connector, 2, members))
                        .isEqualTo(ids(Placement.nodesFor(connector, 2, members)).contains(node.id()) ? 1 : 0);
            }
        }
        assertThat(Placement.workersOn("a", "orders", 3, List.of())).isZero();
    }
}

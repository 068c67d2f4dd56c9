package dev.sluice.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetNamesTest {

    @Test
    void theFleetIsTheNodesSharingAConnectorRegistry() {
        assertThat(FleetMembership.nameFor("__sluice_connectors")).isEqualTo("__sluice_fleet");
        assertThat(FleetMembership.nameFor("__sluice_connectors_eu")).isEqualTo("__sluice_fleet_eu");
        assertThat(FleetMembership.nameFor("prod.connectors")).isEqualTo("prod.connectors_fleet");
    }
}

package dev.sluice.connect.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotNamesTest {

    @Test
    void aNameThatIsAlreadyASlotNameStaysAsItIs() {
        assertThat(RdsDefaults.identifier("orders_cdc_1", 63)).isEqualTo("orders_cdc_1");
    }

    @Test
    void otherCharactersAndUpperCaseBecomeASlotNameWithAHash() {
        String slot = RdsDefaults.identifier("Orders-CDC.v2", 63);

        assertThat(slot).matches("[a-z0-9_]+").startsWith("orders_cdc_v2_");
    }

    @Test
    void namesThatCleanToTheSameTextGetDifferentSlots() {
        assertThat(RdsDefaults.identifier("orders-cdc", 63)).isNotEqualTo(RdsDefaults.identifier("orders.cdc", 63))
                .isNotEqualTo("orders_cdc");
    }

    @Test
    void aLongNameIsCutToTheLimitKeepingItsHash() {
        String name = "a".repeat(100);

        String slot = RdsDefaults.identifier(name, 63);

        assertThat(slot).hasSize(63).matches("a+_[0-9a-f]{8}");
        assertThat(RdsDefaults.identifier("b" + name, 63)).isNotEqualTo(slot);
    }
}

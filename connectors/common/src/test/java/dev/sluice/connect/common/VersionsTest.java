package dev.sluice.connect.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void readsTheVersionFromTheResourceBesideTheAnchor() {
        assertThat(Versions.of(VersionsTest.class, "test-version.properties")).isEqualTo("1.2.3");
    }

    @Test
    void aMissingResourceIsAnUnknownVersion() {
        assertThat(Versions.of(VersionsTest.class, "no-such-version.properties")).isEqualTo("unknown");
    }
}

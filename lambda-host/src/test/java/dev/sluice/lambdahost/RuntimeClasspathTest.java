package dev.sluice.lambdahost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeClasspathTest {

    @Test
    void theNativeLibraryIsTheOneOfThisLinuxMachinesArchitecture() {
        assertThat(RuntimeClasspath.nativeLibraryName("Linux", "amd64")).isEqualTo("libaws-lambda-jni.linux-x86_64.so");
        assertThat(RuntimeClasspath.nativeLibraryName("Linux", "aarch64"))
                .isEqualTo("libaws-lambda-jni.linux-aarch_64.so");
    }

    @Test
    void anotherSystemIsToldThatTheRuntimeClientNeedsLinux() {
        assertThatThrownBy(() -> RuntimeClasspath.nativeLibraryName("Mac OS X", "aarch64"))
                .hasMessageContaining("Linux only");
        assertThatThrownBy(() -> RuntimeClasspath.nativeLibraryName("Linux", "s390x")).hasMessageContaining("s390x");
    }
}

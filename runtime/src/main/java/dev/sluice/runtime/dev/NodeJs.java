package dev.sluice.runtime.dev;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Node.js on this machine, which the DynamoDB stand-in needs and nothing else does. */
final class NodeJs {

    static final String BINARY = "node";
    static final String NPM = "npm";
    private static final int MINIMUM_MAJOR = 18;

    private NodeJs() {
    }

    /** @throws StandInUnavailableException naming what to install when {@code node} is missing or too old */
    static void require() {
        String version;
        try {
            Process node = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
            version = new String(node.getInputStream().readAllBytes()).trim();
            if (!node.waitFor(10, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw missing();
            }
        } catch (IOException e) {
            throw missing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw missing();
        }
        int major = major(version);
        if (major < MINIMUM_MAJOR) {
            throw new StandInUnavailableException("Node.js " + version + " is too old for the DynamoDB stand-in "
                    + "(dynalite); install Node.js 20 (e.g. apt-get install nodejs)");
        }
    }

    static int major(String version) {
        String digits = version.startsWith("v") ? version.substring(1) : version;
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static StandInUnavailableException missing() {
        return new StandInUnavailableException("Node.js is not installed, and the DynamoDB stand-in (dynalite) "
                + "needs it; install Node.js 20 (e.g. apt-get install nodejs)");
    }
}

package dev.sluice.runtime;

/** Finds the {@link StartupException} in a chain of causes, if any. */
public final class StartupErrors {

    private StartupErrors() {
    }

    public static StartupException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupException startup) {
                return startup;
            }
        }
        return null;
    }
}

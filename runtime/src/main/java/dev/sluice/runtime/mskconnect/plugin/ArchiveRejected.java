package dev.sluice.runtime.mskconnect.plugin;

/** Carries a {@link Inspection.Rejected} out of the steps of an inspection. */
final class ArchiveRejected extends Exception {

    private final transient Inspection.Rejected rejection;

    ArchiveRejected(String code, String message) {
        super(message, null, false, false);
        this.rejection = new Inspection.Rejected(code, message);
    }

    Inspection.Rejected rejection() {
        return rejection;
    }
}

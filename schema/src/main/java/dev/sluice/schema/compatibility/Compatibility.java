package dev.sluice.schema.compatibility;

/**
 * Glue's compatibility modes: which earlier versions a new version is checked against, and in which direction.
 * BACKWARD: consumers on the new version read data written with the earlier one; FORWARD: consumers on the earlier
 * version read data written with the new one; FULL: both. The {@code _ALL} modes check every earlier version (from
 * the schema's checkpoint on), the others only the latest. DISABLED refuses new versions altogether.
 */
public enum Compatibility {
    NONE(false, false, false),
    DISABLED(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_ALL(true, false, true),
    FORWARD(false, true, false),
    FORWARD_ALL(false, true, true),
    FULL(true, true, false),
    FULL_ALL(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean all;

    Compatibility(boolean backward, boolean forward, boolean all) {
        this.backward = backward;
        this.forward = forward;
        this.all = all;
    }

    /** The new version, as reader, must read data written with earlier ones. */
    public boolean backward() {
        return backward;
    }

    /** Earlier versions, as readers, must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every earlier version since the checkpoint, not only the latest. */
    public boolean all() {
        return all;
    }
}

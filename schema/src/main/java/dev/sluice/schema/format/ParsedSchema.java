package dev.sluice.schema.format;

/** A schema definition that passed its format's syntax check. */
public interface ParsedSchema {

    DataFormat dataFormat();

    /** The definition as written. */
    String definition();

    /**
     * The definition with layout that carries no meaning taken out, so that two spellings of one schema (the
     * serializer's and a user's, say) find the same version.
     */
    String normalized();
}

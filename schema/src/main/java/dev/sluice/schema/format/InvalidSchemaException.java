package dev.sluice.schema.format;

/** A definition that does not parse as its data format; the message names the error. */
public class InvalidSchemaException extends Exception {

    public InvalidSchemaException(String message) {
        super(message);
    }
}

package dev.sluice.schema.compatibility;

import dev.sluice.schema.format.AvroFormat.AvroSchema;
import dev.sluice.schema.format.ParsedSchema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

import java.util.List;

/** Avro's own schema resolution rules, as {@link SchemaCompatibility} implements them. */
final class AvroReadRules implements ReadRules {

    @Override
    public List<String> problems(ParsedSchema reader, ParsedSchema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(
                ((AvroSchema) reader).schema(), ((AvroSchema) writer).schema()).getResult();
        return result.getIncompatibilities().stream().map(AvroReadRules::describe).toList();
    }

    private static String describe(Incompatibility incompatibility) {
        String message = switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "the reader's field '" + incompatibility.getMessage()
                    + "' has no default value and is missing from the writer";
            case TYPE_MISMATCH -> "the reader's type " + incompatibility.getReaderFragment().getType()
                    + " cannot read the writer's type " + incompatibility.getWriterFragment().getType();
            case MISSING_ENUM_SYMBOLS -> "the writer's enum symbols " + incompatibility.getMessage()
                    + " are missing from the reader's enum";
            case MISSING_UNION_BRANCH -> "the reader's union lacks a branch for the writer's "
                    + incompatibility.getMessage();
            default -> incompatibility.getType() + ": " + incompatibility.getMessage();
        };
        return message + " (at " + incompatibility.getLocation() + ")";
    }
}

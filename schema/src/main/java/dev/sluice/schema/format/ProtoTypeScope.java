package dev.sluice.schema.format;

import dev.sluice.schema.format.ProtoTokenizer.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The message and enum types a {@code .proto} file declares, and the field types it uses, checked against them. */
final class ProtoTypeScope {

    private record Use(String scope, String type, Token at) {
    }

    private final Set<String> declared = new HashSet<>();
    private final List<Use> uses = new ArrayList<>();

    void declare(String fullName) {
        declared.add(fullName);
    }

    /** A field of a message in {@code scope} has this type; scalars need no declaration. */
    void use(String scope, String type, Token at) {
        if (!ProtoParser.SCALARS.contains(type)) {
            uses.add(new Use(scope, type, at));
        }
    }

    void checkResolved() throws InvalidSchemaException {
        for (Use use : uses) {
            if (!resolves(use.scope(), use.type())) {
                throw ProtoParser.error(use.at(), "unknown type '" + use.type() + "'");
            }
        }
    }

    /** Protobuf's scoping: a name is looked up in the innermost scope first, then in each enclosing one. */
    private boolean resolves(String scope, String type) {
        if (type.startsWith(".")) {
            return declared.contains(type.substring(1));
        }
        String current = scope;
        while (true) {
            if (declared.contains(ProtoParser.qualify(current, type))) {
                return true;
            }
            if (current.isEmpty()) {
                return false;
            }
            int dot = current.lastIndexOf('.');
            current = dot < 0 ? "" : current.substring(0, dot);
        }
    }
}

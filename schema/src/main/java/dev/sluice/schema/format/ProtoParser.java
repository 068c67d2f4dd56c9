package dev.sluice.schema.format;

import dev.sluice.schema.format.ProtoSchema.Field;
import dev.sluice.schema.format.ProtoSchema.Message;
import dev.sluice.schema.format.ProtoTokenizer.Kind;
import dev.sluice.schema.format.ProtoTokenizer.Token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A recursive-descent parser of the {@code .proto} language (the syntax, package, import, option, message, enum,
 * oneof, map, reserved, extensions, extend and service statements). Field numbers are checked (range, reserved range,
 * duplicates), and, when the file imports nothing, every field type must be a scalar or a type the file declares.
 */
final class ProtoParser {

    static final Set<String> SCALARS = Set.of("double", "float", "int32", "int64", "uint32", "uint64", "sint32",
            "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes");
    private static final int MAX_FIELD_NUMBER = 536_870_911;

    private final List<Token> tokens;
    private int pos;
    private String syntax = "proto2";
    private String protoPackage = "";
    private boolean imports;
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final ProtoTypeScope types = new ProtoTypeScope();

    private ProtoParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static ProtoSchema parse(String definition) throws InvalidSchemaException {
        List<Token> tokens = ProtoTokenizer.tokenize(definition);
        ProtoParser parser = new ProtoParser(tokens);
        parser.file();
        if (!parser.imports) {
            // imported files are not part of the definition, so the types they declare cannot be checked here
            parser.types.checkResolved();
        }
        StringBuilder normalized = new StringBuilder();
        for (Token token : tokens) {
            if (token.kind() != Kind.END) {
                normalized.append(token.kind() == Kind.STRING ? '"' + token.text() + '"' : token.text()).append(' ');
            }
        }
        return new ProtoSchema(definition, parser.syntax, parser.protoPackage, Map.copyOf(parser.messages),
                normalized.toString().trim());
    }

    private void file() throws InvalidSchemaException {
        if (peek("syntax") || peek("edition")) {
            next();
            expect("=");
            syntax = expectKind(Kind.STRING).text();
            if (!Set.of("proto2", "proto3").contains(syntax) && !syntax.matches("\\d{4}")) {
                throw error(previous(), "unknown syntax \"" + syntax + "\"");
            }
            expect(";");
        }
        while (!peekKind(Kind.END)) {
            Token token = next();
            switch (token.text()) {
                case "package" -> {
                    protoPackage = fullIdent();
                    expect(";");
                }
                case "import" -> {
                    imports = true;
                    if (peek("public") || peek("weak")) {
                        next();
                    }
                    expectKind(Kind.STRING);
                    expect(";");
                }
                case "option" -> option(";");
                case "message" -> message(protoPackage);
                case "enum" -> enumeration(protoPackage);
                case "service" -> service();
                case "extend" -> extend(protoPackage);
                case ";" -> { }
                default -> throw error(token, "expected a top-level statement (syntax, package, import, option,"
                        + " message, enum, service, extend)");
            }
        }
    }

    private void message(String scope) throws InvalidSchemaException {
        String name = expectKind(Kind.IDENT).text();
        String fullName = qualify(scope, name);
        types.declare(fullName);
        Map<Integer, Field> fields = new TreeMap<>();
        expect("{");
        while (!peek("}")) {
            Token token = next();
            switch (token.text()) {
                case "message" -> message(fullName);
                case "enum" -> enumeration(fullName);
                case "option" -> option(";");
                case "extend" -> extend(fullName);
                case "reserved", "extensions" -> skipStatement();
                case "oneof" -> {
                    expectKind(Kind.IDENT);
                    expect("{");
                    while (!peek("}")) {
                        if (peek("option")) {
                            next();
                            option(";");
                        } else if (peek(";")) {
                            next();
                        } else {
                            field(fullName, fields, null, next());
                        }
                    }
                    expect("}");
                }
                case ";" -> { }
                case "}" -> throw error(token, "unexpected '}'");
                default -> field(fullName, fields, null, token);
            }
        }
        expect("}");
        messages.put(fullName, new Message(fullName, Map.copyOf(fields)));
    }

    private void field(String scope, Map<Integer, Field> fields, String givenLabel, Token first)
            throws InvalidSchemaException {
        String label = givenLabel;
        Token typeToken = first;
        if (Set.of("optional", "required", "repeated").contains(first.text())) {
            label = first.text();
            typeToken = next();
        }
        if ("required".equals(label) && syntax.equals("proto3")) {
            throw error(first, "required fields are not allowed in proto3");
        }
        String type;
        if (typeToken.text().equals("map")) {
            expect("<");
            String key = typeName(next());
            expect(",");
            String value = typeName(next());
            expect(">");
            type = "map<" + key + "," + value + ">";
            types.use(scope, value, typeToken);
        } else {
            type = typeName(typeToken);
            types.use(scope, type, typeToken);
        }
        Token name = expectKind(Kind.IDENT);
        expect("=");
        Token numberToken = expectKind(Kind.NUMBER);
        int number = fieldNumber(numberToken);
        if (peek("[")) {
            next();
            option("]");
        } else {
            expect(";");
        }
        Field previous = fields.put(number, new Field(name.text(), number, type, label));
        if (previous != null) {
            throw error(numberToken, "field number " + number + " of '" + name.text() + "' is already used by '"
                    + previous.name() + "' in message " + scope);
        }
    }

    private int fieldNumber(Token token) throws InvalidSchemaException {
        long number;
        try {
            number = Long.decode(token.text());
        } catch (NumberFormatException e) {
            throw error(token, "'" + token.text() + "' is not a field number");
        }
        if (number < 1 || number > MAX_FIELD_NUMBER) {
            throw error(token, "field number " + number + " is out of range (1 to " + MAX_FIELD_NUMBER + ")");
        }
        if (number >= 19000 && number <= 19999) {
            throw error(token, "field numbers 19000 to 19999 are reserved for the protocol buffer implementation");
        }
        return (int) number;
    }

    private String typeName(Token token) throws InvalidSchemaException {
        StringBuilder name = new StringBuilder();
        Token current = token;
        if (current.text().equals(".")) {
            name.append('.');
            current = next();
        }
        if (current.kind() != Kind.IDENT) {
            throw error(current, "expected a type name, found '" + current.text() + "'");
        }
        name.append(current.text());
        while (peek(".")) {
            next();
            name.append('.').append(expectKind(Kind.IDENT).text());
        }
        return name.toString();
    }

    private void enumeration(String scope) throws InvalidSchemaException {
        types.declare(qualify(scope, expectKind(Kind.IDENT).text()));
        expect("{");
        while (!peek("}")) {
            Token token = next();
            switch (token.text()) {
                case "option" -> option(";");
                case "reserved" -> skipStatement();
                case ";" -> { }
                default -> {
                    if (token.kind() != Kind.IDENT) {
                        throw error(token, "expected an enum value name");
                    }
                    expect("=");
                    if (peek("-")) {
                        next();
                    }
                    expectKind(Kind.NUMBER);
                    if (peek("[")) {
                        next();
                        option("]");
                    } else {
                        expect(";");
                    }
                }
            }
        }
        expect("}");
    }

    private void service() throws InvalidSchemaException {
        expectKind(Kind.IDENT);
        expect("{");
        while (!peek("}")) {
            Token token = next();
            switch (token.text()) {
                case "option" -> option(";");
                case ";" -> { }
                case "rpc" -> {
                    expectKind(Kind.IDENT);
                    rpcType();
                    expect("returns");
                    rpcType();
                    if (peek("{")) {
                        next();
                        while (!peek("}")) {
                            Token inner = next();
                            if (inner.text().equals("option")) {
                                option(";");
                            } else if (!inner.text().equals(";")) {
                                throw error(inner, "expected an option in the rpc body");
                            }
                        }
                        expect("}");
                    } else {
                        expect(";");
                    }
                }
                default -> throw error(token, "expected rpc or option in the service");
            }
        }
        expect("}");
    }

    private void rpcType() throws InvalidSchemaException {
        expect("(");
        if (peek("stream")) {
            next();
        }
        typeName(next());
        expect(")");
    }

    private void extend(String scope) throws InvalidSchemaException {
        typeName(next());
        Map<Integer, Field> ignored = new TreeMap<>();
        expect("{");
        while (!peek("}")) {
            Token token = next();
            if (!token.text().equals(";")) {
                field(scope, ignored, null, token);
            }
        }
        expect("}");
    }

    /** An option, after its keyword: {@code name = constant} up to {@code end} (inside brackets, a list of them). */
    private void option(String end) throws InvalidSchemaException {
        while (true) {
            optionName();
            expect("=");
            constant();
            if (end.equals("]") && peek(",")) {
                next();
                continue;
            }
            expect(end);
            if (end.equals("]")) {
                expect(";");
            }
            return;
        }
    }

    private void optionName() throws InvalidSchemaException {
        do {
            if (peek("(")) {
                next();
                typeName(next());
                expect(")");
            } else {
                expectKind(Kind.IDENT);
            }
        } while (peek(".") && next() != null);
    }

    private void constant() throws InvalidSchemaException {
        Token token = next();
        if (token.text().equals("-") || token.text().equals("+")) {
            token = next();
        }
        if (token.text().equals("{")) {
            int depth = 1;
            while (depth > 0) {
                Token inner = next();
                if (inner.kind() == Kind.END) {
                    throw error(inner, "unterminated option value");
                }
                depth += inner.text().equals("{") ? 1 : inner.text().equals("}") ? -1 : 0;
            }
            return;
        }
        if (token.kind() == Kind.SYMBOL || token.kind() == Kind.END) {
            throw error(token, "expected an option value, found '" + token.text() + "'");
        }
    }

    private void skipStatement() throws InvalidSchemaException {
        while (!peek(";")) {
            Token token = next();
            if (token.kind() == Kind.END || token.text().equals("}") || token.text().equals("{")) {
                throw error(token, "expected ';'");
            }
        }
        next();
    }

    private String fullIdent() throws InvalidSchemaException {
        return typeName(next());
    }

    static String qualify(String scope, String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }

    private boolean peek(String text) {
        Token token = tokens.get(pos);
        return token.kind() != Kind.STRING && token.kind() != Kind.END && token.text().equals(text);
    }

    private boolean peekKind(Kind kind) {
        return tokens.get(pos).kind() == kind;
    }

    private Token next() throws InvalidSchemaException {
        Token token = tokens.get(pos);
        if (token.kind() == Kind.END) {
            throw error(token, "unexpected end of definition");
        }
        pos++;
        return token;
    }

    private Token previous() {
        return tokens.get(pos - 1);
    }

    private void expect(String text) throws InvalidSchemaException {
        Token token = tokens.get(pos);
        if (!peek(text)) {
            throw error(token, "expected '" + text + "', found '" + token.text() + "'");
        }
        pos++;
    }

    private Token expectKind(Kind kind) throws InvalidSchemaException {
        Token token = tokens.get(pos);
        if (token.kind() != kind) {
            throw error(token, "expected " + kind.name().toLowerCase() + ", found '" + token.text() + "'");
        }
        pos++;
        return token;
    }

    static InvalidSchemaException error(Token at, String problem) {
        return new InvalidSchemaException("At " + at.where() + ": " + problem);
    }
}

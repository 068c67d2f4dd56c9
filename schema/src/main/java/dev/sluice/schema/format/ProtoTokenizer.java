package dev.sluice.schema.format;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code .proto} definition into tokens, dropping whitespace and comments. */
final class ProtoTokenizer {

    enum Kind { IDENT, NUMBER, STRING, SYMBOL, END }

    record Token(Kind kind, String text, int line, int column) {
        String where() {
            return "line " + line + ", column " + column;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private ProtoTokenizer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) throws InvalidSchemaException {
        return new ProtoTokenizer(text).all();
    }

    private List<Token> all() throws InvalidSchemaException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                tokens.add(new Token(Kind.END, "end of definition", line, pos - lineStart + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() throws InvalidSchemaException {
        int start = pos;
        int column = pos - lineStart + 1;
        char c = text.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), line, column);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                    || ((text.charAt(pos) == '-' || text.charAt(pos) == '+')
                    && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            return new Token(Kind.NUMBER, text.substring(start, pos), line, column);
        }
        if (c == '"' || c == '\'') {
            pos++;
            while (pos < text.length() && text.charAt(pos) != c) {
                if (text.charAt(pos) == '\n') {
                    throw new InvalidSchemaException("Unterminated string at line " + line + ", column " + column);
                }
                pos += text.charAt(pos) == '\\' ? 2 : 1;
            }
            if (pos >= text.length()) {
                throw new InvalidSchemaException("Unterminated string at line " + line + ", column " + column);
            }
            pos++;
            return new Token(Kind.STRING, text.substring(start + 1, pos - 1), line, column);
        }
        if ("{}[]()<>;=,.-+:/".indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.SYMBOL, String.valueOf(c), line, column);
        }
        throw new InvalidSchemaException("Unexpected character '" + c + "' at line " + line + ", column " + column);
    }

    private void skipBlanks() throws InvalidSchemaException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new InvalidSchemaException("Unterminated comment at line " + line);
                }
                for (int i = pos; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }
}

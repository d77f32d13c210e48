package org.mhtrigger.fhir.internal.spill;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.mhtrigger.fhir.internal.extract.FhirValues;

/**
 * The routing pass's quick read of one NDJSON line: for a line of printable ASCII JSON without escapes, which is what
 * exporters write, it checks that the line is one well-formed JSON object and finds what {@link Route#scan} would,
 * without a parser: a single loop over the bytes, about 1.4 times as fast as Jackson's tokeniser. For anything else (a
 * byte outside printable ASCII, a backslash, an odd number or literal, deep nesting, a line that is not well formed,
 * no {@code resourceType}) it answers {@code null} and {@link Route#scan} decides, so it never accepts what Jackson
 * would refuse, and never reads a line differently. Not thread-safe: one per line.
 */
public final class RouteSkim {
    /** Deeper than any resource an exporter writes, far below Jackson's limit. */
    private static final int MAX_DEPTH = 64;
    /** Far below Jackson's limits on the length of a number and of a name. */
    private static final int MAX_NUMBER = 100;

    private static final int MAX_NAME = 1_000;
    /** Below Jackson's limit on the length of a string in every version that has one. */
    private static final int MAX_STRING = 4_000_000;

    private final byte[] s;
    private int i;

    private RouteSkim(byte[] line) {
        this.s = line;
    }

    /** What {@link Route#scan} would find in {@code line}, or {@code null} when only Jackson can tell. */
    public static Route route(byte[] line) {
        try {
            return new RouteSkim(line).top();
        } catch (Doubt doubt) {
            return null;
        }
    }

    /** Anything the skim does not read: the line goes to Jackson. */
    private static final class Doubt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Doubt() {
            super(null, null, false, false);
        }
    }

    private static final Doubt DOUBT = new Doubt();

    /** What the top level says, as {@link Route#scan} keeps it: the last of each property. */
    private String type;

    private String id;
    private String subject;
    private String patient;
    private String encounter;
    private String context;

    private Route top() {
        spaces();
        members(1, (nameStart, nameEnd) -> {
            if (is(nameStart, nameEnd, "resourceType")) {
                type = scalar();
            } else if (is(nameStart, nameEnd, "id")) {
                id = scalar();
            } else if (is(nameStart, nameEnd, "subject")) {
                subject = reference(1);
            } else if (is(nameStart, nameEnd, "patient")) {
                patient = reference(1);
            } else if (is(nameStart, nameEnd, "encounter")) {
                encounter = reference(1);
            } else if (is(nameStart, nameEnd, "context")) {
                context = contextReference();
            } else {
                value(1);
            }
        });
        spaces();
        if (i != s.length || type == null) {
            throw DOUBT;
        }
        return Route.of(type, id, subject, patient, encounter, context);
    }

    /** Reads one member of an object: its name is {@code s[nameStart, nameEnd)}, {@code i} is on its value. */
    @FunctionalInterface
    private interface Member {
        void read(int nameStart, int nameEnd);
    }

    /** Reads the object at {@code i} (on its brace), handing each member to {@code member}; leaves {@code i} after it. */
    private void members(int depth, Member member) {
        if (depth > MAX_DEPTH) {
            throw DOUBT;
        }
        expect('{');
        spaces();
        if (peek() != '}') {
            do {
                spaces();
                int nameStart = i + 1;
                int nameEnd = string(MAX_NAME);
                spaces();
                expect(':');
                spaces();
                member.read(nameStart, nameEnd);
                spaces();
            } while (next() == ',');
            i--;
        }
        expect('}');
    }

    /** Reads the array at {@code i} (on its bracket), {@code element} reading each element; leaves {@code i} after it. */
    private void elements(int depth, Runnable element) {
        if (depth > MAX_DEPTH) {
            throw DOUBT;
        }
        expect('[');
        spaces();
        if (peek() != ']') {
            do {
                spaces();
                element.run();
                spaces();
            } while (next() == ',');
            i--;
        }
        expect(']');
    }

    /**
     * {@code resourceType} or {@code id}: a string's text, or {@code null} for another scalar. {@link Route#scan} does
     * not skip an object or array there (the line is then not read), so those are left to it.
     */
    private String scalar() {
        byte c = peek();
        if (c == '{' || c == '[') {
            throw DOUBT;
        }
        return stringOrSkip(1);
    }

    /** A string value's text, or {@code null} after skipping a value of another kind (as Jackson's scan does). */
    private String stringOrSkip(int depth) {
        if (peek() == '"') {
            int start = i + 1;
            int end = string(MAX_STRING);
            return new String(s, start, end - start, StandardCharsets.ISO_8859_1);
        }
        value(depth);
        return null;
    }

    /** {@code Route.reference}: an object's last {@code reference}, if a string, as a key; else {@code null}. */
    private String reference(int depth) {
        if (peek() != '{') {
            value(depth);
            return null;
        }
        String[] last = {null};
        members(depth, (nameStart, nameEnd) -> {
            if (is(nameStart, nameEnd, "reference")) {
                last[0] = stringOrSkip(depth + 1);
            } else {
                value(depth + 1);
            }
        });
        return last[0] == null ? null : FhirValues.referenceKey(last[0]);
    }

    /** {@code Route.contextReference}: a direct reference, else the first of the last {@code encounter} array. */
    private String contextReference() {
        if (peek() != '{') {
            value(1);
            return null;
        }
        String[] direct = {null};
        String[] fromEncounters = {null}; // of the last encounter property, null unless it is an array
        members(1, (nameStart, nameEnd) -> {
            if (is(nameStart, nameEnd, "reference")) {
                direct[0] = stringOrSkip(2);
            } else if (is(nameStart, nameEnd, "encounter")) {
                fromEncounters[0] = null;
                if (peek() == '[') {
                    elements(2, () -> {
                        String key = reference(3);
                        if (fromEncounters[0] == null) {
                            fromEncounters[0] = key;
                        }
                    });
                } else {
                    value(2);
                }
            } else {
                value(2);
            }
        });
        String key = direct[0] == null ? null : FhirValues.referenceKey(direct[0]);
        return key != null ? key : fromEncounters[0];
    }

    private boolean is(int start, int end, String name) {
        if (end - start != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (s[start + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Skips one value of any kind, checking it is well formed. */
    private void value(int depth) {
        switch (peek()) {
            case '{' -> members(depth, (nameStart, nameEnd) -> value(depth + 1));
            case '[' -> elements(depth, () -> value(depth + 1));
            case '"' -> string(MAX_STRING);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    /**
     * Skips a string at {@code i} (on its opening quote) of printable ASCII without escapes; answers the index of its
     * closing quote, and leaves {@code i} after it.
     */
    private int string(int maxLength) {
        expect('"');
        int start = i;
        int n = s.length;
        while (i + Long.BYTES <= n && !special((long) LONGS.get(s, i))) {
            i += Long.BYTES; // eight plain characters at a time: long texts (base64 notes) are the bulk of a line
        }
        while (i < n) {
            byte c = s[i];
            if (c == '"') {
                if (i - start > maxLength) {
                    throw DOUBT;
                }
                return i++;
            }
            if (c < 0x20 || c == '\\' || c == 0x7F) { // negative: not ASCII
                throw DOUBT;
            }
            i++;
        }
        throw DOUBT;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Whether any of eight bytes may end or spoil a plain string: a quote, a backslash, a control character, DEL or a
     * byte outside ASCII. It may say so of bytes that do not (they are then looked at one by one), never the reverse.
     */
    private static boolean special(long x) {
        return ((x & HIGHS)
                        | zeroByte(x ^ ('"' * ONES))
                        | zeroByte(x ^ ('\\' * ONES))
                        | zeroByte(x ^ (0x7F * ONES))
                        | ((x - 0x20 * ONES) & ~x & HIGHS))
                != 0;
    }

    private static long zeroByte(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, then a delimiter. */
    private void number() {
        int start = i;
        if (peekOrZero() == '-') {
            i++;
        }
        if (peekOrZero() == '0') {
            i++;
        } else if (digits() == 0) {
            throw DOUBT;
        }
        if (peekOrZero() == '.') {
            i++;
            if (digits() == 0) {
                throw DOUBT;
            }
        }
        byte e = peekOrZero();
        if (e == 'e' || e == 'E') {
            i++;
            byte sign = peekOrZero();
            if (sign == '+' || sign == '-') {
                i++;
            }
            if (digits() == 0) {
                throw DOUBT;
            }
        }
        if (i - start > MAX_NUMBER) {
            throw DOUBT;
        }
        delimiter();
    }

    private int digits() {
        int start = i;
        while (i < s.length && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        return i - start;
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (i >= s.length || s[i] != word.charAt(k)) {
                throw DOUBT;
            }
            i++;
        }
        delimiter();
    }

    /** What may follow a number or a literal inside an object or an array. */
    private void delimiter() {
        byte c = peek();
        if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t') {
            throw DOUBT;
        }
    }

    private void spaces() {
        while (i < s.length && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
    }

    private void expect(char c) {
        if (i >= s.length || s[i] != c) {
            throw DOUBT;
        }
        i++;
    }

    private byte next() {
        if (i >= s.length) {
            throw DOUBT;
        }
        return s[i++];
    }

    private byte peek() {
        if (i >= s.length) {
            throw DOUBT;
        }
        return s[i];
    }

    private byte peekOrZero() {
        return i < s.length ? s[i] : 0;
    }
}

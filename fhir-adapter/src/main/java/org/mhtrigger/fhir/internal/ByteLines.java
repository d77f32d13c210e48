package org.mhtrigger.fhir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a file as bytes, not decoded: split where {@link java.io.BufferedReader#readLine} splits them (at
 * {@code \n}, {@code \r} or {@code \r\n}), so line numbers are the same. An NDJSON line is handed on as the UTF-8 its
 * parser reads, with no round trip through a string. Not thread-safe; closes its stream.
 */
final class ByteLines implements AutoCloseable {
    private static final int START = 1 << 16;

    private final InputStream in;
    private byte[] buffer = new byte[START];
    private int position;
    private int limit;
    private boolean ended;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to the same line ending. */
    private boolean afterCarriageReturn;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its ending, or {@code null} at the end of the file. */
    byte[] next() throws IOException {
        int scanned = position;
        while (true) {
            if (afterCarriageReturn && position < limit) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                }
                scanned = position;
            }
            for (int i = scanned; i < limit; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    byte[] line = Arrays.copyOfRange(buffer, position, i);
                    position = i + 1;
                    afterCarriageReturn = b == '\r';
                    return line;
                }
            }
            scanned = limit;
            if (ended) {
                if (position == limit) {
                    return null;
                }
                byte[] line = Arrays.copyOfRange(buffer, position, limit);
                position = limit;
                return line;
            }
            scanned -= position;
            fill();
        }
    }

    /** Keeps the unfinished line at the start of the buffer, growing it if the line fills it, and reads more. */
    private void fill() throws IOException {
        int kept = limit - position;
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, kept);
        }
        position = 0;
        limit = kept;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            ended = true;
        } else {
            limit += read;
        }
    }

    /** Whether a line is empty or white space only, as {@link String#isBlank} says of its text. */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b < 0) {
                return new String(line, StandardCharsets.UTF_8).isBlank(); // other than ASCII: let String decide
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a line starts with the UTF-8 byte order mark. */
    static boolean startsWithByteOrderMark(byte[] line) {
        return line.length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

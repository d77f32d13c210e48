package org.mhtrigger.fhir.internal.read;

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

    /** Returned by {@link #next} for a line longer than the maximum; {@link #skippedLength} says how long it was. */
    static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    private final int max;
    private byte[] buffer = new byte[START];
    private int position;
    private int limit;
    private boolean ended;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to the same line ending. */
    private boolean afterCarriageReturn;

    private long skippedLength;

    ByteLines(InputStream in) {
        this(in, Integer.MAX_VALUE - 16);
    }

    /** @param max the longest line handed on; a longer one is read past without being kept */
    ByteLines(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The length in bytes of the last line answered with {@link #TOO_LONG}. */
    long skippedLength() {
        return skippedLength;
    }

    /** The next line without its ending, {@link #TOO_LONG} for a line longer than the maximum, or {@code null} at the end of the file. */
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
                if (limit - position > max) {
                    skippedLength = limit - position;
                    position = limit;
                    return TOO_LONG;
                }
                byte[] line = Arrays.copyOfRange(buffer, position, limit);
                position = limit;
                return line;
            }
            if (limit - position > max) {
                return skipLine();
            }
            scanned -= position;
            fill();
        }
    }

    /** Reads past the rest of a line that is already longer than the maximum, counting its bytes. */
    private byte[] skipLine() throws IOException {
        long length = limit - position;
        position = limit;
        while (true) {
            if (position == limit) {
                position = 0;
                limit = 0;
                int read = in.read(buffer, 0, buffer.length);
                if (read < 0) {
                    ended = true;
                    skippedLength = length;
                    return TOO_LONG;
                }
                limit = read;
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    length += i - position;
                    position = i + 1;
                    afterCarriageReturn = buffer[i] == '\r';
                    skippedLength = length;
                    return TOO_LONG;
                }
            }
            length += limit - position;
            position = limit;
        }
    }

    /** Keeps the unfinished line at the start of the buffer, growing it if the line fills it, and reads more. */
    private void fill() throws IOException {
        int kept = limit - position;
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, (long) max + START));
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

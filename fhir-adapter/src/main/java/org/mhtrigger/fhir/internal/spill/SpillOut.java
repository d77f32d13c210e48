package org.mhtrigger.fhir.internal.spill;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * One spill file being written, in the byte layout {@link java.io.DataOutputStream} writes and {@link
 * java.io.DataInputStream} reads back (big-endian numbers, modified UTF-8 strings), through a plain {@link ByteBuffer}.
 * A split read writes several numbers per resource; through {@code DataOutputStream} each one was a locked call into
 * a {@code BufferedOutputStream}, and the routing pass of 100,000 stays spent a fifth of its time there. Not
 * thread-safe.
 */
final class SpillOut implements AutoCloseable {
    private final OutputStream out;
    private final ByteBuffer buffer;
    /** Encodes strings exactly as {@code DataOutputStream.writeUTF} does. */
    private ByteArrayOutputStream utfBytes;

    private DataOutputStream utf;

    SpillOut(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = ByteBuffer.allocate(bufferSize);
    }

    void writeLong(long value) throws IOException {
        room(Long.BYTES).putLong(value);
    }

    void writeInt(int value) throws IOException {
        room(Integer.BYTES).putInt(value);
    }

    void writeBoolean(boolean value) throws IOException {
        room(1).put((byte) (value ? 1 : 0));
    }

    /** As {@code DataOutputStream.writeUTF}: a two-byte length, then modified UTF-8. */
    void writeUTF(String text) throws IOException {
        if (utf == null) {
            utfBytes = new ByteArrayOutputStream();
            utf = new DataOutputStream(utfBytes);
        }
        utfBytes.reset();
        utf.writeUTF(text);
        write(utfBytes.toByteArray());
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.capacity() / 2) {
            drain();
            out.write(bytes);
        } else {
            room(bytes.length).put(bytes);
        }
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain();
        }
        return buffer;
    }

    private void drain() throws IOException {
        if (buffer.position() > 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    @Override
    public void close() throws IOException {
        try (out) {
            drain();
        }
    }
}

package org.mhtrigger.fhir.internal.spill;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.mhtrigger.fhir.ResourceTypes;

/**
 * The split read: routes each resource's JSON to the spill file of its patient's group while the input is read, then
 * replays the groups one by one. Not thread-safe: one per read.
 *
 * <p>A resource goes to the group of the patient its {@code subject} (or {@code patient}) names; one that names only
 * an encounter follows that Encounter, waiting in a deferred file until the end of the input if the Encounter has not
 * been read yet; one that names neither goes to a group by its own id. Medication, Location and other resources that
 * belong to no patient are read at once into a collection shared by all groups. Each group replays its resources in
 * the order they were read, so the first copy of a duplicate stays the first. A resource read again under the same
 * {@code Type/id} but naming another patient lands in another group; an index of ids, partitioned on disk, finds those
 * before the groups are read.
 *
 * <p>Memory: the open spill files' buffers, about 70 bytes per Encounter (to route resources that name only their
 * encounter; a plain {@code HashMap}: a hand-written map of primitives here was never shown to be faster) and the
 * shared collection; the resources themselves only when the split read is kept in the heap. Then each group's
 * resources are held as the {@link Entry entries} read, not copied into spill files and read back (which cost about a
 * tenth of a 10,000-stay run's CPU time), and the few other files (the id index, the resources waiting for their
 * encounter) go to a {@link SpillStore.Memory}.
 *
 * <p>Each group is replayed in {@link #parts() parts}: a patient's resources all fall in one part of their group
 * (another hash of the same id), and each part is replayed on its own, so that whoever reads it holds a part's facts at
 * a time. Parts are numbered across groups: part {@code p} belongs to group {@code p / parts()}. A group's spill files
 * hold all its parts, each entry marked with its own.
 */
public final class Spill implements AutoCloseable {
    /** Types that belong to no patient and that stays look up by reference. */
    private static final Set<String> SHARED = Set.copyOf(ResourceTypes.SHARED);
    /** Types whose facts are read even when they name no patient (their problems must still be reported). */
    private static final Set<String> PATIENT_TYPES = Set.copyOf(ResourceTypes.PATIENT);

    /**
     * Bytes buffered per open spill file, written and read back in calls of this size. At 32 KB a 100,000-stay screen
     * made about 270,000 writes ({@code strace -c}); at 256 KB its system time fell from 7.9–13.0 s to 6.5–7.3 s and
     * its wall time was 0.93x (medians of 4 alternating pairs), with the same peak memory in a 512 MB heap (690 MB
     * resident). Up to 256 groups: about 64 MB of buffers at most, only while the input is routed.
     */
    private static final int BUFFER = 256 * 1024;
    /** Two key hashes, group, seq, digest, and file, line and entry of the origin. */
    private static final int INDEX_RECORD_BYTES = 8 + 8 + 4 + 8 + 8 + 4 + 4 + 4;

    private final int buckets;
    private final int parts;
    private final int partitions;
    private final SpillStore store;
    private final SpillOut[] main;
    private final SpillOut[] late;
    private final SpillOut[] index;
    private SpillOut deferred;
    /** Each Encounter's key hash to its part, to route the resources that name only their encounter. */
    private final Map<Long, Integer> encounters = new HashMap<>();
    /**
     * When the read is kept in the heap: each part's entries, as {@link #main} and {@link #late} would hold them on
     * disk; {@code null} when they go to disk.
     */
    private final List<List<Entry>> heldMain;

    private final List<List<Entry>> heldLate;

    /**
     * @param parts the parts each group is replayed in (see the class comment)
     * @param parent where the spill folder is made ({@code null}: the system's temporary folder), unless in memory
     * @param inMemory keep the spill files in the heap instead: for an input small beside it
     */
    public Spill(int buckets, int parts, Path parent, boolean inMemory) {
        this.buckets = buckets;
        this.parts = parts;
        this.partitions = Math.min(buckets, 16);
        this.main = new SpillOut[buckets];
        this.late = new SpillOut[buckets];
        this.index = new SpillOut[partitions];
        this.store = inMemory ? new SpillStore.Memory() : SpillStore.folder(parent);
        this.heldMain = inMemory ? new ArrayList<>(Collections.nCopies(buckets * parts, null)) : null;
        this.heldLate = inMemory ? new ArrayList<>(Collections.nCopies(buckets * parts, null)) : null;
    }

    /** The parts each group is replayed in: part {@code p} of {@link #replay} belongs to group {@code p / parts()}. */
    public int parts() {
        return parts;
    }

    /** Where the spill files are, for messages: their folder, or "memory". */
    public String where() {
        return store.where();
    }

    /**
     * What {@link #route} needs of a resource that follows from the resource alone: its key, the patient it names and
     * their hashes. Thread-safe, so that a reading worker can work it out ahead of the routing thread, whose pass is the
     * serial part of a split read.
     *
     * @param key the {@code Type/id} key, or {@code null}
     * @param patient the id of the patient it belongs to ({@code subject}, {@code patient}, or its own as a Patient),
     *     or {@code null}
     * @param patientBucket the part the patient's resources go to, or {@code -1}
     */
    public record Prepared(String key, long keyDigest, long keySecond, String patient, int patientBucket) {}

    /** {@link Prepared} for a resource; {@code aliases} as in {@link #route}. Thread-safe. */
    public Prepared prepare(Route route, String fullUrl, Map<String, String> aliases) {
        String key = route.key(fullUrl);
        String patient = "Patient".equals(route.type())
                ? (key == null ? null : key.substring("Patient/".length()))
                : Route.patientId(route.subject(), aliases);
        return new Prepared(
                key,
                key == null ? 0 : Entry.digest(key),
                key == null ? 0 : secondHash(key),
                patient,
                patient == null ? -1 : bucketOf(patient));
    }

    /**
     * Routes one resource.
     *
     * @param prepared what {@link #prepare} worked out for it, with the same {@code aliases}
     * @param aliases the Bundle's fullUrl → {@code Type/id}, to follow {@code urn:} references; empty outside Bundles
     * @return {@code true} if it was spilled, {@code false} if it belongs to no patient and must be read now
     */
    public boolean route(Entry entry, Route route, Prepared prepared, Map<String, String> aliases) throws IOException {
        String type = route.type();
        if (SHARED.contains(type)) {
            return false;
        }
        String key = prepared.key();
        int bucket;
        if (prepared.patient() != null) {
            bucket = prepared.patientBucket();
        } else if (route.encounter() != null) {
            String encounter = Route.resolve(route.encounter(), aliases);
            Integer known = encounters.get(Entry.digest(encounter));
            if (known == null) {
                defer(entry, encounter, key);
                return true;
            }
            bucket = known;
        } else if (PATIENT_TYPES.contains(type)) {
            bucket = key == null ? 0 : bucketOf(key);
        } else {
            return false;
        }
        if ("Encounter".equals(type) && key != null) {
            encounters.put(prepared.keyDigest(), bucket);
        }
        write(main, bucket, entry, prepared.keyDigest(), prepared.keySecond(), key != null);
        return true;
    }

    /** The part of {@code id}: its group as the hash's remainder by {@link #buckets}, its part within it from the rest. */
    private int bucketOf(String id) {
        long h = Entry.digest(id);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        int group = (int) Long.remainderUnsigned(h, buckets);
        int part = (int) Long.remainderUnsigned(Long.divideUnsigned(h, buckets), parts);
        return group * parts + part;
    }

    private void write(SpillOut[] files, int bucket, Entry entry, String key) throws IOException {
        write(
                files,
                bucket,
                entry,
                key == null ? 0 : Entry.digest(key),
                key == null ? 0 : secondHash(key),
                key != null);
    }

    /** Writes {@code entry} to part {@code bucket}: to its list in the heap, or to its group's file marked with it. */
    private void write(SpillOut[] files, int bucket, Entry entry, long first, long second, boolean keyed)
            throws IOException {
        if (heldMain != null) {
            List<List<Entry>> held = files == main ? heldMain : heldLate;
            if (held.get(bucket) == null) {
                held.set(bucket, new ArrayList<>());
            }
            held.get(bucket).add(entry);
        } else {
            int group = bucket / parts;
            if (files[group] == null) {
                files[group] = open((files == main ? "group-" : "late-") + group);
            }
            files[group].writeInt(bucket % parts);
            writeEntry(files[group], entry);
        }
        if (keyed) {
            SpillOut out = indexFile((int) Long.remainderUnsigned(first, partitions));
            out.writeLong(first);
            out.writeLong(second);
            out.writeInt(bucket);
            out.writeLong(entry.seq());
            out.writeLong(entry.digest());
            out.writeInt(entry.file());
            out.writeInt(entry.line());
            out.writeInt(entry.entry());
        }
    }

    private SpillOut indexFile(int partition) throws IOException {
        if (index[partition] == null) {
            index[partition] = open("index-" + partition);
        }
        return index[partition];
    }

    private void defer(Entry entry, String encounter, String key) throws IOException {
        if (deferred == null) {
            deferred = open("deferred");
        }
        writeEntry(deferred, entry);
        deferred.writeUTF(encounter);
        writeNullable(deferred, key);
    }

    private SpillOut open(String name) throws IOException {
        return new SpillOut(store.create(name), BUFFER);
    }

    /** Ends the first pass: routes the deferred resources and finds ids read into more than one group. */
    public Map<Long, Copy> finishRouting() throws IOException {
        if (deferred != null) {
            deferred.close();
            deferred = null;
            try (DataInputStream in = input("deferred")) {
                Entry entry;
                while ((entry = readEntry(in)) != null) {
                    String encounter = in.readUTF();
                    String key = readNullable(in);
                    Integer known = encounters.get(Entry.digest(encounter));
                    // its Encounter never came: it joins no stay
                    int bucket = known != null ? known : key == null ? 0 : bucketOf(key);
                    write(late, bucket, entry, key);
                }
            }
            store.delete("deferred");
        }
        closeAll(main);
        closeAll(late);
        closeAll(index);
        Map<Long, Copy> keptElsewhere = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            String file = "index-" + p;
            if (store.exists(file)) {
                crossGroupCopies(file, keptElsewhere);
                store.delete(file);
            }
        }
        return keptElsewhere;
    }

    /** Copies of one id in several groups: all but the group of the first copy drop theirs. */
    private void crossGroupCopies(String file, Map<Long, Copy> keptElsewhere) throws IOException {
        int count = (int) (store.size(file) / INDEX_RECORD_BYTES);
        long[] first = new long[count];
        long[] second = new long[count];
        int[] bucket = new int[count];
        long[] seq = new long[count];
        long[] digest = new long[count];
        int[] origin = new int[3 * count];
        // read in blocks of whole records: a call per number through DataInputStream took most of this pass
        byte[] block = new byte[INDEX_RECORD_BYTES * 1024];
        try (InputStream in = store.open(file)) {
            for (int i = 0; i < count; ) {
                int records = Math.min(1024, count - i);
                ByteBuffer from = ByteBuffer.wrap(block, 0, in.readNBytes(block, 0, records * INDEX_RECORD_BYTES));
                if (from.remaining() < records * INDEX_RECORD_BYTES) {
                    throw new EOFException("index file " + file + " ends early");
                }
                for (int end = i + records; i < end; i++) {
                    first[i] = from.getLong();
                    second[i] = from.getLong();
                    bucket[i] = from.getInt();
                    seq[i] = from.getLong();
                    digest[i] = from.getLong();
                    origin[3 * i] = from.getInt();
                    origin[3 * i + 1] = from.getInt();
                    origin[3 * i + 2] = from.getInt();
                }
            }
        }
        // copies share their key hash: find the hashes seen more than once with a primitive sort (almost every key is
        // unique), then settle only those keys
        long[] sorted = first.clone();
        Arrays.sort(sorted);
        Set<Long> repeated = new HashSet<>();
        for (int i = 1; i < count; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeated.add(sorted[i]);
            }
        }
        if (repeated.isEmpty()) {
            return;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (repeated.contains(first[i])) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.<Integer>comparingLong(i -> first[i])
                .thenComparingLong(i -> second[i])
                .thenComparingLong(i -> seq[i]));
        for (int start = 0; start < candidates.size(); ) {
            int end = start + 1;
            int head = candidates.get(start);
            while (end < candidates.size()
                    && first[candidates.get(end)] == first[head]
                    && second[candidates.get(end)] == second[head]) {
                end++;
            }
            for (int k = start + 1; k < end; k++) {
                int copy = candidates.get(k);
                if (bucket[copy] != bucket[head]) {
                    keptElsewhere.put(
                            seq[copy],
                            new Copy(digest[head], origin[3 * head], origin[3 * head + 1], origin[3 * head + 2]));
                    if (digest[copy] != digest[head]) {
                        // the first copy's group learns of the other under a key no sequence number takes: an
                        // Encounter read for two patients must refuse the stay in both groups
                        keptElsewhere.putIfAbsent(
                                Copy.otherCopyKey(seq[head]),
                                new Copy(digest[copy], origin[3 * copy], origin[3 * copy + 1], origin[3 * copy + 2]));
                    }
                }
            }
            start = end;
        }
    }

    /**
     * Replays each part's resources in read order, parts in order, calling {@code onPart} before and {@code reader} for
     * each; a part with no resources is passed over.
     */
    public void replay(IntConsumer onPart, java.util.function.Consumer<Entry> reader, IntConsumer afterPart)
            throws IOException {
        for (int b = 0; b < buckets; b++) {
            if (heldMain != null) {
                for (int p = b * parts; p < (b + 1) * parts; p++) {
                    if (heldMain.get(p) != null || heldLate.get(p) != null) {
                        onPart.accept(p);
                        inReadOrder(
                                new Held(heldMain.get(p)),
                                new Held(heldLate.get(p)),
                                (part, entry) -> reader.accept(entry));
                        heldMain.set(p, null);
                        heldLate.set(p, null);
                        afterPart.accept(p);
                    }
                }
                continue;
            }
            String mainFile = "group-" + b;
            String lateFile = "late-" + b;
            if (!store.exists(mainFile) && !store.exists(lateFile)) {
                continue;
            }
            try (Marked a = new Marked(store.exists(mainFile) ? input(mainFile) : null);
                    Marked c = new Marked(store.exists(lateFile) ? input(lateFile) : null)) {
                if (parts == 1) {
                    onPart.accept(b);
                    inReadOrder(a, c, (part, entry) -> reader.accept(entry));
                    afterPart.accept(b);
                } else {
                    // the group's entries sorted into its parts, each then replayed on its own
                    List<List<Entry>> byPart = new ArrayList<>(Collections.nCopies(parts, null));
                    inReadOrder(a, c, (part, entry) -> {
                        if (byPart.get(part) == null) {
                            byPart.set(part, new ArrayList<>());
                        }
                        byPart.get(part).add(entry);
                    });
                    for (int part = 0; part < parts; part++) {
                        if (byPart.get(part) != null) {
                            onPart.accept(b * parts + part);
                            byPart.get(part).forEach(reader);
                            byPart.set(part, null);
                            afterPart.accept(b * parts + part);
                        }
                    }
                }
            }
            store.delete(mainFile);
            store.delete(lateFile);
        }
    }

    /** Hears an entry and the part of its group it belongs to. */
    private interface PartReader {
        void accept(int part, Entry entry) throws IOException;
    }

    /** The entries of a group's (or a part's) main and late files, merged in read order. */
    private static void inReadOrder(Entries main, Entries late, PartReader reader) throws IOException {
        Entry x = main.next();
        Entry y = late.next();
        while (x != null || y != null) {
            if (y == null || x != null && x.seq() < y.seq()) {
                reader.accept(main.part(), x);
                x = main.next();
            } else {
                reader.accept(late.part(), y);
                y = late.next();
            }
        }
    }

    /** One group file's entries in the order written. */
    private interface Entries {
        /** The next entry, or {@code null} at the end. */
        Entry next() throws IOException;

        /** The part of the entry {@link #next} gave last. */
        int part();
    }

    /** A part's entries held in the heap ({@code null}: none). */
    private static final class Held implements Entries {
        private final java.util.Iterator<Entry> kept;

        Held(List<Entry> entries) {
            this.kept = entries == null ? Collections.emptyIterator() : entries.iterator();
        }

        @Override
        public Entry next() {
            return kept.hasNext() ? kept.next() : null;
        }

        @Override
        public int part() {
            return 0; // one part's own list: the caller knows which
        }
    }

    /** A group's spill file, each entry marked with its part ({@code null}: no such file). */
    private static final class Marked implements Entries, AutoCloseable {
        private final DataInputStream in;
        private int part;

        Marked(DataInputStream in) {
            this.in = in;
        }

        @Override
        public Entry next() throws IOException {
            if (in == null) {
                return null;
            }
            try {
                part = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            Entry entry = readEntry(in);
            if (entry == null) {
                throw new EOFException("spill file ends inside an entry");
            }
            return entry;
        }

        @Override
        public int part() {
            return part;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    private DataInputStream input(String file) throws IOException {
        return new DataInputStream(new BufferedInputStream(store.open(file), BUFFER));
    }

    private static void writeEntry(SpillOut out, Entry entry) throws IOException {
        out.writeLong(entry.seq());
        out.writeInt(entry.file());
        out.writeInt(entry.line());
        out.writeInt(entry.entry());
        writeNullable(out, entry.fullUrl());
        out.writeLong(entry.digest());
        byte[] json = entry.json();
        out.writeInt(json.length);
        out.write(json);
    }

    /** The next entry, or {@code null} at the end of the file. */
    private static Entry readEntry(DataInputStream in) throws IOException {
        long seq;
        try {
            seq = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        int file = in.readInt();
        int line = in.readInt();
        int entry = in.readInt();
        String fullUrl = readNullable(in);
        long digest = in.readLong();
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        return new Entry(seq, file, line, entry, fullUrl, json, digest);
    }

    private static void writeNullable(SpillOut out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static long secondHash(String text) {
        long hash = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash + text.charAt(i)) * 0xbf58476d1ce4e5b9L;
            hash ^= hash >>> 31;
        }
        return hash;
    }

    private static void closeAll(SpillOut[] files) throws IOException {
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null) {
                files[i].close();
                files[i] = null;
            }
        }
    }

    /** Closes what is open and deletes the spill files with whatever is left, also after a failure. */
    @Override
    public void close() {
        List<IOException> problems = new ArrayList<>();
        for (SpillOut[] files : List.of(main, late, index)) {
            for (SpillOut file : files) {
                closeQuietly(file, problems);
            }
        }
        closeQuietly(deferred, problems);
        if (heldMain != null) {
            Collections.fill(heldMain, null);
            Collections.fill(heldLate, null);
        }
        store.close();
        if (!problems.isEmpty()) {
            throw new UncheckedIOException("cannot close the spill files in " + store.where(), problems.get(0));
        }
    }

    private static void closeQuietly(SpillOut file, List<IOException> problems) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                problems.add(e);
            }
        }
    }
}

package org.mhtrigger.fhir.internal.spill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillStoreTest {
    @TempDir
    Path parent;

    @Test
    void bothStoresGiveBackWhatWasWrittenAcrossBlockBoundaries() throws IOException {
        byte[] bytes = new byte[200_000]; // three 64 KiB blocks and a part
        new Random(7).nextBytes(bytes);
        for (SpillStore store : List.of(new SpillStore.Memory(), SpillStore.folder(parent))) {
            try (store) {
                try (OutputStream out = store.create("group-0")) {
                    out.write(bytes[0]);
                    out.write(bytes, 1, 70_000);
                    out.write(bytes, 70_001, bytes.length - 70_001);
                }

                assertThat(store.exists("group-0")).as(store.where()).isTrue();
                assertThat(store.exists("group-1")).as(store.where()).isFalse();
                assertThat(store.size("group-0")).as(store.where()).isEqualTo(bytes.length);
                try (InputStream in = store.open("group-0")) {
                    assertThat(in.read()).isEqualTo(bytes[0] & 0xff);
                    assertThat(in.readAllBytes())
                            .as(store.where())
                            .isEqualTo(java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
                    assertThat(in.read()).isEqualTo(-1);
                }
                store.delete("group-0");
                assertThat(store.exists("group-0")).as(store.where()).isFalse();
                assertThatThrownBy(() -> store.open("group-0")).isInstanceOf(NoSuchFileException.class);
            }
        }
    }

    @Test
    void theFolderStoreLeavesNothingBehindAndTheMemoryStoreNamesNoFolder() throws IOException {
        SpillStore.Folder folder = SpillStore.folder(parent);
        try (OutputStream out = folder.create("late-3")) {
            out.write(new byte[] {1, 2, 3});
        }
        assertThat(Files.list(parent)).hasSize(1);

        folder.close();

        assertThat(Files.list(parent)).isEmpty();
        assertThat(new SpillStore.Memory().where()).isEqualTo("memory");
    }
}

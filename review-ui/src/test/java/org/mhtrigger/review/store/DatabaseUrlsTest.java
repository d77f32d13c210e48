package org.mhtrigger.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link DatabaseUrls#durable}: the H2 settings every file database is opened with. */
class DatabaseUrlsTest {
    @Test
    void anH2File_getsNoWriteDelay_andAppendOnlyCommits() {
        assertThat(DatabaseUrls.durable("jdbc:h2:file:./data/mhtrigger"))
                .isEqualTo("jdbc:h2:file:./data/mhtrigger;WRITE_DELAY=0;REUSE_SPACE=FALSE");
        assertThat(DatabaseUrls.durable("jdbc:h2:tcp://db.example/~/review;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:tcp://db.example/~/review;MODE=PostgreSQL;WRITE_DELAY=0;REUSE_SPACE=FALSE");
    }

    @Test
    void settingsAlreadyRight_areKept_inAnyCase() {
        String url = "jdbc:h2:file:/srv/review;reuse_space=false;Write_Delay = 0";

        assertThat(DatabaseUrls.durable(url)).isEqualTo(url);
    }

    @Test
    void aWriteDelay_orReusedSpace_isRefused_withTheSettingNamed() {
        assertThatThrownBy(() -> DatabaseUrls.durable("jdbc:h2:file:/srv/review;WRITE_DELAY=500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database URL sets WRITE_DELAY=500; it must be 0 (or left out) so that every confirmed"
                        + " save survives a crash");
        assertThatThrownBy(() -> DatabaseUrls.durable("jdbc:h2:file:/srv/review;REUSE_SPACE=TRUE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("database URL sets REUSE_SPACE=TRUE; it must be FALSE");
    }

    @Test
    void inMemoryH2_andOtherDatabases_areUnchanged() {
        assertThat(DatabaseUrls.durable("jdbc:h2:mem:review")).isEqualTo("jdbc:h2:mem:review");
        assertThat(DatabaseUrls.durable("jdbc:postgresql://127.0.0.1/review"))
                .isEqualTo("jdbc:postgresql://127.0.0.1/review");
        assertThat(DatabaseUrls.h2Files("jdbc:h2:tcp://db.example/review")).isEmpty();
        assertThat(DatabaseUrls.h2Files("jdbc:h2:mem:review")).isEmpty();
        assertThat(DatabaseUrls.h2Files("jdbc:postgresql://127.0.0.1/review")).isEmpty();
    }

    @Test
    void theFilesOfAnH2DatabaseThisProcessOpens_areFoundFromItsUrl() {
        assertThat(DatabaseUrls.h2Files("jdbc:h2:file:./review;WRITE_DELAY=0")).contains("./review");
        assertThat(DatabaseUrls.h2Files("jdbc:h2:/srv/review")).contains("/srv/review");
        assertThat(DatabaseUrls.h2Files("jdbc:h2:~/review")).contains(System.getProperty("user.home") + "/review");
    }
}

package org.mhtrigger.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** A group of tests that needs something outside the build; its name is the JUnit tag its tests carry. */
public enum TestGroup {
    /** Needs a PostgreSQL server: {@code MHTRIGGER_TEST_POSTGRES_URL} and friends. */
    POSTGRES("postgres"),
    /** Needs Debian's Chromium for Playwright. */
    BROWSER("browser"),
    /** Needs evaluation data kept outside the repository ({@code ../shared/eval}). */
    EXTERNAL("external");

    /** The variable that makes groups required: a comma-separated list of tags, or {@code all}. */
    public static final String REQUIRE = "MHTRIGGER_TEST_REQUIRE";

    private final String tag;

    TestGroup(String tag) {
        this.tag = tag;
    }

    /** The JUnit tag of the group's tests. */
    public String tag() {
        return tag;
    }

    /** The group of a tag, if it is one of ours. */
    public static Optional<TestGroup> ofTag(String tag) {
        return Arrays.stream(values()).filter(g -> g.tag.equals(tag)).findFirst();
    }

    /**
     * Whether this machine must run the group: named in {@value #REQUIRE} (or {@code all} there), or on CI ({@code
     * CI=true}), where every group is required.
     */
    public boolean required() {
        String require = System.getenv(REQUIRE);
        if (require != null && !require.isBlank()) {
            return Arrays.stream(require.toLowerCase(Locale.ROOT).split(","))
                    .map(String::strip)
                    .anyMatch(t -> t.equals(tag) || t.equals("all"));
        }
        return "true".equals(System.getenv("CI"));
    }

    /**
     * Goes on when {@code available}; otherwise fails the test if the group is {@link #required()}, else skips it
     * with {@code "<tag> tests skipped: <missing>"}.
     *
     * @param missing what is missing and how to get it, e.g. "set MHTRIGGER_TEST_POSTGRES_URL (see .ci/run)"
     */
    public void requireOrSkip(boolean available, String missing) {
        if (available) {
            return;
        }
        if (required()) {
            throw new AssertionError(
                    tag + " tests are required here (" + REQUIRE + " or CI) but cannot run: " + missing);
        }
        Assumptions.abort(tag + " tests skipped: " + missing);
    }
}

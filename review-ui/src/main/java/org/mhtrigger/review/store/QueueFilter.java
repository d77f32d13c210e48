package org.mhtrigger.review.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which part of a queue to show and in what order: a tab ("waiting for me" or "done", by role), an optional status,
 * period and reviewer, and a sort key with its direction. Parsed from request parameters with one-line errors; the
 * sort keys map to fixed SQL expressions, never to input. Immutable, thread-safe.
 *
 * @param period a period label such as {@code 2025-03}, or null for every period
 * @param reviewer a reviewer's user name, or null for everyone
 */
public record QueueFilter(Tab tab, ReviewStatus status, String period, String reviewer, Sort sort, boolean descending) {
    public QueueFilter {
        java.util.Objects.requireNonNull(tab, "tab must not be null");
        java.util.Objects.requireNonNull(sort, "sort must not be null");
        period = period == null || period.isBlank() ? null : period.strip();
        reviewer = reviewer == null || reviewer.isBlank() ? null : reviewer.strip();
    }

    /** The two halves of a queue, and both together. */
    public enum Tab {
        /** What waits for the caller: a reviewer's records to review, a physician's to sign, a lead's unsigned. */
        OPEN("open"),
        /** What is done for now: submitted (reviewer), signed or returned (physician), signed (lead). */
        DONE("done"),
        ALL("all");

        private final String key;

        Tab(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The statuses in this tab of a {@code role}'s queue. */
        public Set<ReviewStatus> statuses(Role role) {
            EnumSet<ReviewStatus> open = switch (role) {
                case REVIEWER -> EnumSet.of(ReviewStatus.ASSIGNED, ReviewStatus.IN_PROGRESS, ReviewStatus.RETURNED);
                case PHYSICIAN -> EnumSet.of(ReviewStatus.SUBMITTED, ReviewStatus.CHANGED_SINCE_SIGNATURE);
                case SAFETY_LEAD -> EnumSet.complementOf(EnumSet.of(ReviewStatus.AUTHENTICATED));
                case ADMIN -> EnumSet.noneOf(ReviewStatus.class);
            };
            return switch (this) {
                case OPEN -> open;
                case DONE -> EnumSet.complementOf(open);
                case ALL -> EnumSet.allOf(ReviewStatus.class);
            };
        }
    }

    /** A column the queue can be sorted by, with the SQL it sorts on (over review r, review_period p, stay s). */
    public enum Sort {
        DUE("due", "review_due"),
        PERIOD("period", "p.start_date"),
        RECORD("record", "s.encounter_id"),
        WARD("ward", "s.ward"),
        REVIEWER("reviewer", "r.reviewer"),
        STATUS("status", "r.status"),
        TRIGGERS("triggers", "trigger_count");

        private final String key;
        private final String sql;

        Sort(String key, String sql) {
            this.key = key;
            this.sql = sql;
        }

        public String key() {
            return key;
        }

        String sql() {
            return sql;
        }
    }

    /**
     * A role's default: the open tab by due date, soonest first; for a safety lead every record, newest period first.
     */
    public static QueueFilter defaults(Role role) {
        return role == Role.SAFETY_LEAD
                ? new QueueFilter(Tab.ALL, null, null, null, Sort.PERIOD, true)
                : new QueueFilter(Tab.OPEN, null, null, null, Sort.DUE, false);
    }

    /** Reads request parameters; null or blank ones take the role's default. */
    public static QueueFilter parse(
            Role role, String tab, String status, String period, String reviewer, String sort, String direction) {
        QueueFilter base = defaults(role);
        Tab chosenTab = blank(tab) ? base.tab() : tab(tab);
        ReviewStatus chosenStatus = blank(status) ? null : status(status);
        Sort chosenSort = blank(sort) ? base.sort() : sort(sort);
        boolean descending;
        if (blank(direction)) {
            descending = blank(sort) ? base.descending() : false;
        } else if (direction.equals("asc") || direction.equals("desc")) {
            descending = direction.equals("desc");
        } else {
            throw new IllegalArgumentException("sort direction '" + direction + "' must be asc or desc");
        }
        if (period != null && !period.isBlank() && !period.strip().matches("[0-9A-Za-z/ _.:-]{1,50}")) {
            throw new IllegalArgumentException("period filter must be a period label such as 2025-03");
        }
        return new QueueFilter(chosenTab, chosenStatus, period, reviewer, chosenSort, descending);
    }

    /** The same filter sorted by {@code key}: ascending, or the other way round if it is sorted by it already. */
    public QueueFilter sortedBy(Sort key) {
        return new QueueFilter(tab, status, period, reviewer, key, key == sort && !descending);
    }

    public QueueFilter onTab(Tab other) {
        return new QueueFilter(other, status, period, reviewer, sort, descending);
    }

    /** The ORDER BY clause: the chosen key, then newest period, draw order and id so that pages are stable. */
    String orderBy() {
        return " ORDER BY " + sort.sql() + (descending ? " DESC" : " ASC") + " NULLS LAST, p.start_date DESC,"
                + " r.draw_order, r.id";
    }

    public String direction() {
        return descending ? "desc" : "asc";
    }

    private static Tab tab(String text) {
        for (Tab tab : Tab.values()) {
            if (tab.key.equals(text)) {
                return tab;
            }
        }
        throw new IllegalArgumentException("queue tab '" + text + "' must be open, done or all");
    }

    private static Sort sort(String text) {
        for (Sort sort : Sort.values()) {
            if (sort.key.equals(text)) {
                return sort;
            }
        }
        throw new IllegalArgumentException(
                "sort '" + text + "' must be one of due, period, record, ward, reviewer, status, triggers");
    }

    private static ReviewStatus status(String text) {
        try {
            return ReviewStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status '" + text + "' is not a review status", e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

package org.mhtrigger.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.sampling.ReviewPeriod;

/** Queue tabs, sorting, request parsing and due dates, without a database. */
class QueueFilterTest {
    @Test
    void physiciansOpenTab_isWhatWaitsForSignature_andDoneIsSignedOrReturned() {
        assertThat(QueueFilter.Tab.OPEN.statuses(Role.PHYSICIAN))
                .containsExactlyInAnyOrder(ReviewStatus.SUBMITTED, ReviewStatus.CHANGED_SINCE_SIGNATURE);
        assertThat(QueueFilter.Tab.DONE.statuses(Role.PHYSICIAN))
                .contains(ReviewStatus.AUTHENTICATED, ReviewStatus.RETURNED);
    }

    @Test
    void reviewersOpenTab_includesReturnedRecords() {
        assertThat(QueueFilter.Tab.OPEN.statuses(Role.REVIEWER))
                .isEqualTo(EnumSet.of(ReviewStatus.ASSIGNED, ReviewStatus.IN_PROGRESS, ReviewStatus.RETURNED));
    }

    @Test
    void emptyParameters_takeTheRolesDefaults() {
        assertThat(QueueFilter.parse(Role.PHYSICIAN, null, "", null, null, null, null))
                .isEqualTo(QueueFilter.defaults(Role.PHYSICIAN));
        assertThat(QueueFilter.defaults(Role.SAFETY_LEAD).sort()).isEqualTo(QueueFilter.Sort.PERIOD);
    }

    @Test
    void sortingByTheSameColumnAgain_turnsTheDirection() {
        QueueFilter byDue = QueueFilter.defaults(Role.REVIEWER);
        assertThat(byDue.sortedBy(QueueFilter.Sort.DUE).descending()).isTrue();
        assertThat(byDue.sortedBy(QueueFilter.Sort.WARD).descending()).isFalse();
        assertThat(byDue.sortedBy(QueueFilter.Sort.TRIGGERS).orderBy()).startsWith(" ORDER BY trigger_count ASC");
    }

    @Test
    void unknownParameters_areRefusedInOneLine() {
        assertThatThrownBy(() -> QueueFilter.parse(Role.REVIEWER, "x", null, null, null, null, null))
                .hasMessage("queue tab 'x' must be open, done or all");
        assertThatThrownBy(() -> QueueFilter.parse(Role.REVIEWER, null, null, null, null, "id;drop", null))
                .hasMessage("sort 'id;drop' must be one of due, period, record, ward, reviewer, status, triggers");
        assertThatThrownBy(() -> QueueFilter.parse(Role.REVIEWER, null, "LOST", null, null, null, null))
                .hasMessage("status 'LOST' is not a review status");
        assertThatThrownBy(() -> QueueFilter.parse(Role.REVIEWER, null, null, null, null, "due", "up"))
                .hasMessage("sort direction 'up' must be asc or desc");
    }

    @Test
    void dueDate_isOnePeriodLengthAfterTheLaterOfPeriodEndAndDrawDay() {
        ReviewPeriod march = ReviewPeriod.parse("2025-03");
        assertThat(ReviewService.dueDate(march, LocalDate.of(2025, 5, 3))).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(ReviewService.dueDate(march, LocalDate.of(2025, 3, 20))).isEqualTo(LocalDate.of(2025, 5, 2));
        ReviewPeriod fortnight = ReviewPeriod.parse("2025-03-01/2025-03-14");
        assertThat(ReviewService.dueDate(fortnight, LocalDate.of(2025, 3, 15))).isEqualTo(LocalDate.of(2025, 3, 29));
    }
}

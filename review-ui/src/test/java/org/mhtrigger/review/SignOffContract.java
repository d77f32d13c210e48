package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhtrigger.review.Fixtures.ANN;
import static org.mhtrigger.review.Fixtures.BOB;
import static org.mhtrigger.review.Fixtures.DOC;
import static org.mhtrigger.review.Fixtures.LEAD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.QueueFilter;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.ReviewStatus;
import org.mhtrigger.review.store.ReviewWorkflow;
import org.mhtrigger.review.store.SignOff;
import org.mhtrigger.review.store.SignOff.EventDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Sign-off (change, reject, return) and work management (queues, assignment) on a real database. */
abstract class SignOffContract {
    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewService reviews;

    @Autowired
    AuditTrail audit;

    static final EventInput FALL_F = new EventInput(
            "MH-C01", OutcomeClass.ADVERSE_EVENT, "Fell, fractured wrist, transferred", "F", false, "yes");

    private long version(long reviewId) {
        return reviews.find(reviewId).orElseThrow().version();
    }

    /** A fresh record of Ann's with one category F event, submitted. */
    private long[] submittedWithFall() {
        ReviewView review = fixtures.freshReview();
        long eventId = reviews.addEvent(ANN, review.id(), review.version(), FALL_F, null);
        reviews.submit(ANN, review.id(), version(review.id()));
        return new long[] {review.id(), eventId};
    }

    private static QueueFilter filter(QueueFilter.Tab tab) {
        return new QueueFilter(tab, null, null, null, QueueFilter.Sort.DUE, false);
    }

    @Test
    void physicianChangesTheHarmCategoryWithAReason_eachFieldIsAudited_andTheSignatureSaysTheNewCategory() {
        long[] r = submittedWithFall();

        ReviewService.SignatureView signature = reviews.sign(
                DOC,
                r[0],
                version(r[0]),
                List.of(new EventDecision(
                        r[1], SignOff.Decision.CONFIRM, null, "G", "no", "CT shows a displaced fracture")));

        assertThat(signature.meaning()).isEqualTo("authenticated: harm G");
        ReviewService.EventView event = reviews.events(DOC, r[0]).getFirst();
        assertThat(event.harmCategory()).isEqualTo("G");
        assertThat(event.preventability()).isEqualTo("no");
        assertThat(event.status()).isEqualTo(ReviewWorkflow.EventStatus.CONFIRMED);
        assertThat(audit.forReview(r[0]))
                .filteredOn(e -> e.actor().equals("doc") && e.entity().equals("event"))
                .extracting(
                        AuditTrail.Entry::field,
                        AuditTrail.Entry::oldValue,
                        AuditTrail.Entry::newValue,
                        AuditTrail.Entry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("harm category", "F", "G", "CT shows a displaced fracture"),
                        org.assertj.core.groups.Tuple.tuple(
                                "preventability", "yes", "no", "CT shows a displaced fracture"),
                        org.assertj.core.groups.Tuple.tuple(
                                "status", "recorded", "confirmed", "CT shows a displaced fracture"));
        assertThat(audit.chain().verify().intact()).isTrue();
    }

    @Test
    void aChangeOrARejectionWithoutAReason_isRefused_andNothingChanges() {
        long[] r = submittedWithFall();

        assertThatThrownBy(() -> reviews.sign(
                        DOC,
                        r[0],
                        version(r[0]),
                        List.of(new EventDecision(r[1], SignOff.Decision.CONFIRM, null, "E", null, " "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event " + r[1] + ": give a reason for changing its harm category");
        assertThatThrownBy(() -> reviews.sign(DOC, r[0], version(r[0]), List.of(EventDecision.reject(r[1], null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event " + r[1] + ": give a reason for rejecting it");

        assertThat(reviews.find(r[0]).orElseThrow().status()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(reviews.events(DOC, r[0]).getFirst().harmCategory()).isEqualTo("F");
    }

    @Test
    void physicianRejectsWithAReason_theEventIsRejected_andTheSignatureSaysNoAdverseEvent() {
        long[] r = submittedWithFall();

        ReviewService.SignatureView signature = reviews.sign(
                DOC, r[0], version(r[0]), List.of(EventDecision.reject(r[1], "fracture was before admission")));

        assertThat(signature.meaning()).isEqualTo("authenticated: no adverse event");
        assertThat(reviews.events(DOC, r[0]).getFirst().status()).isEqualTo(ReviewWorkflow.EventStatus.REJECTED);
        assertThat(audit.forReview(r[0])).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("doc");
            assertThat(e.field()).isEqualTo("status");
            assertThat(e.newValue()).isEqualTo("rejected");
            assertThat(e.reason()).isEqualTo("fracture was before admission");
        });
    }

    @Test
    void returnedRecord_isInTheReviewersOpenQueueWithTheComment_andComesBackWhenSubmittedAgain() {
        long[] r = submittedWithFall();
        assertThatThrownBy(() -> reviews.returnToReviewer(DOC, r[0], version(r[0]), "  "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reviews.returnToReviewer(ANN, r[0], version(r[0]), "why?"))
                .isInstanceOf(AccessDeniedException.class);

        reviews.returnToReviewer(DOC, r[0], version(r[0]), "Was the fall <b>witnessed</b>? Check the incident form.");

        ReviewView returned = reviews.queue(ANN, filter(QueueFilter.Tab.OPEN), 1, 500).reviews().stream()
                .filter(v -> v.id() == r[0])
                .findFirst()
                .orElseThrow();
        assertThat(returned.status()).isEqualTo(ReviewStatus.RETURNED);
        assertThat(returned.returnedComment()).isEqualTo("Was the fall <b>witnessed</b>? Check the incident form.");
        assertThat(returned.returnedBy()).isEqualTo("Dr Dana Doctor");
        assertThat(reviews.queue(DOC, filter(QueueFilter.Tab.OPEN), 1, 500).reviews())
                .noneMatch(v -> v.id() == r[0]);
        assertThat(reviews.queue(DOC, filter(QueueFilter.Tab.DONE), 1, 500).reviews())
                .anyMatch(v -> v.id() == r[0]);
        assertThatThrownBy(() -> reviews.sign(DOC, r[0], version(r[0]), List.of(EventDecision.confirm(r[1]))))
                .isInstanceOf(IllegalStateException.class);

        // the reviewer answers and submits again: back with the physician
        ReviewService.EventView event = reviews.events(ANN, r[0]).getFirst();
        reviews.changeEvent(
                ANN,
                r[0],
                version(r[0]),
                r[1],
                event.version(),
                new EventInput(
                        "MH-C01", OutcomeClass.ADVERSE_EVENT, "Unwitnessed fall, wrist fracture", "F", false, "yes"),
                false,
                null);
        reviews.submit(ANN, r[0], version(r[0]));
        assertThat(reviews.queue(DOC, filter(QueueFilter.Tab.OPEN), 1, 500).reviews())
                .anyMatch(v -> v.id() == r[0]);
        assertThat(audit.forReview(r[0])).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("doc");
            assertThat(e.field()).isEqualTo("status");
            assertThat(e.newValue()).isEqualTo("returned to reviewer");
            assertThat(e.reason()).startsWith("Was the fall");
        });
    }

    @Test
    void safetyLeadReassignsARecord_theNewReviewerHasIt_andTheChangeIsAudited() {
        ReviewView review = fixtures.freshReview();
        assertThat(review.reviewer()).isEqualTo("ann");

        int moved = reviews.assign(LEAD, List.of(review.id()), "bob", "Ann is on leave");

        assertThat(moved).isEqualTo(1);
        assertThat(reviews.queue(BOB, filter(QueueFilter.Tab.OPEN), 1, 500).reviews())
                .anyMatch(v -> v.id() == review.id());
        assertThat(reviews.queue(ANN, filter(QueueFilter.Tab.ALL), 1, 500).reviews())
                .noneMatch(v -> v.id() == review.id());
        assertThatThrownBy(() -> reviews.addEvent(ANN, review.id(), version(review.id()), FALL_F, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audit.forReview(review.id())).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("lead");
            assertThat(e.field()).isEqualTo("reviewer");
            assertThat(e.oldValue()).isEqualTo("ann");
            assertThat(e.newValue()).isEqualTo("bob");
            assertThat(e.reason()).isEqualTo("Ann is on leave");
        });
    }

    @Test
    void assignment_isRefusedForSubmittedRecords_otherRoles_andAccountsThatAreNotReviewers() {
        long[] r = submittedWithFall();
        ReviewView open = fixtures.freshReview();

        assertThatThrownBy(() -> reviews.assign(LEAD, List.of(open.id(), r[0]), "bob", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only records not yet submitted can be reassigned");
        assertThat(reviews.find(open.id()).orElseThrow().reviewer())
                .as("nothing changed")
                .isEqualTo("ann");
        assertThatThrownBy(() -> reviews.assign(LEAD, List.of(open.id()), "doc", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'doc' is not an enabled reviewer account");
        assertThatThrownBy(() -> reviews.assign(DOC, List.of(open.id()), "bob", null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void queue_filtersByPeriodAndStatus_sortsByEveryKey_andCountsItsTabs() {
        ReviewView a = fixtures.freshReview();
        ReviewView b = fixtures.freshReview();
        reviews.addEvent(ANN, b.id(), b.version(), FALL_F, null);
        reviews.submit(ANN, b.id(), version(b.id()));

        QueueFilter byPeriod =
                new QueueFilter(QueueFilter.Tab.ALL, null, a.periodLabel(), null, QueueFilter.Sort.DUE, false);
        assertThat(reviews.queue(LEAD, byPeriod, 1, 50).reviews())
                .extracting(ReviewView::id)
                .containsExactly(a.id());
        QueueFilter submitted = new QueueFilter(
                QueueFilter.Tab.ALL, ReviewStatus.SUBMITTED, b.periodLabel(), null, QueueFilter.Sort.DUE, false);
        assertThat(reviews.queue(LEAD, submitted, 1, 50).reviews())
                .extracting(ReviewView::id)
                .containsExactly(b.id());
        assertThat(reviews.queue(ANN, filter(QueueFilter.Tab.OPEN), 1, 500).reviews())
                .anyMatch(v -> v.id() == a.id())
                .noneMatch(v -> v.id() == b.id());
        ReviewView shown = reviews.queue(LEAD, byPeriod, 1, 50).reviews().getFirst();
        assertThat(shown.triggerCount()).isEqualTo(2);
        assertThat(shown.dueDate()).isNotNull();
        for (QueueFilter.Sort sort : QueueFilter.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                QueueFilter all = new QueueFilter(QueueFilter.Tab.ALL, null, null, null, sort, descending);
                assertThat(reviews.queue(LEAD, all, 1, 5).reviews())
                        .as(sort + " " + descending)
                        .hasSize(5);
            }
        }
        QueueFilter byTriggers = new QueueFilter(QueueFilter.Tab.ALL, null, null, null, QueueFilter.Sort.RECORD, true);
        List<String> records = reviews.queue(LEAD, byTriggers, 1, 5).reviews().stream()
                .map(ReviewView::encounterId)
                .toList();
        assertThat(records).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        java.util.Map<QueueFilter.Tab, Long> counts = reviews.tabCounts(ANN, filter(QueueFilter.Tab.OPEN));
        assertThat(counts.get(QueueFilter.Tab.OPEN) + counts.get(QueueFilter.Tab.DONE))
                .isEqualTo(counts.get(QueueFilter.Tab.ALL));
        assertThat(counts.get(QueueFilter.Tab.DONE)).isPositive();
    }
}

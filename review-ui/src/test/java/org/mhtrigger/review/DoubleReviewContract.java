package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhtrigger.review.Fixtures.ANN;
import static org.mhtrigger.review.Fixtures.BOB;
import static org.mhtrigger.review.Fixtures.CARL;
import static org.mhtrigger.review.Fixtures.DOC;
import static org.mhtrigger.review.Fixtures.LEAD;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.measure.CohensKappa;
import org.mhtrigger.review.store.AgreementPairs;
import org.mhtrigger.review.store.DoubleReviews;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.StaleEditException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Two independent primary reviews of one record, blinded until both are submitted, then the consensus: the service
 * contract, run on H2 ({@link DoubleReviewTest}) and PostgreSQL ({@link PostgresDoubleReviewTest}).
 */
abstract class DoubleReviewContract {
    static final EventInput FALL_F =
            new EventInput(null, OutcomeClass.ADVERSE_EVENT, "fall with fracture", "F", false, "yes");
    static final EventInput FALL_G =
            new EventInput(null, OutcomeClass.ADVERSE_EVENT, "fall, lasting harm", "G", false, "yes");
    static final EventInput RASH_E =
            new EventInput(null, OutcomeClass.ADVERSE_DRUG_EVENT, "rash after antibiotic", "E", false, "no");

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewService reviews;

    @Autowired
    DoubleReviews doubles;

    @Autowired
    AgreementPairs agreement;

    long version(long reviewId) {
        return reviews.find(reviewId).orElseThrow().version();
    }

    /** A record reviewed by Ann (first) and Bob (second): Ann finds F; Bob finds G and E. Both submitted. */
    record Reviewed(ReviewView first, ReviewView second, long annF, long bobG, long bobE) {}

    Reviewed bothSubmitted() {
        ReviewView first = fixtures.freshReview();
        ReviewView second =
                doubles.drawSecondReviews(LEAD, first.periodId(), 1, 3L).getFirst();
        long annF = reviews.addEvent(ANN, first.id(), version(first.id()), FALL_F, null);
        reviews.submit(ANN, first.id(), version(first.id()));
        long bobG = reviews.addEvent(BOB, second.id(), version(second.id()), FALL_G, null);
        long bobE = reviews.addEvent(BOB, second.id(), version(second.id()), RASH_E, null);
        reviews.submit(BOB, second.id(), version(second.id()));
        return new Reviewed(first, second, annF, bobG, bobE);
    }

    @Test
    void secondReview_goesToAnotherReviewer_andIsNotCountedAsSampled() {
        ReviewView first = fixtures.freshReview();

        List<ReviewView> seconds = doubles.drawSecondReviews(LEAD, first.periodId(), 5, 3L);

        assertThat(seconds).hasSize(1);
        assertThat(seconds.getFirst().reviewer()).isNotEqualTo(first.reviewer()).isEqualTo("bob");
        assertThat(seconds.getFirst().secondOf()).isEqualTo(first.id());
        assertThat(reviews.find(first.id()).orElseThrow().awaitingConsensus()).isTrue();
        assertThat(reviews.periods(LEAD).stream()
                        .filter(p -> p.id() == first.periodId())
                        .findFirst()
                        .orElseThrow()
                        .sampled())
                .isEqualTo(1);
        // a record already paired is not drawn again
        assertThat(doubles.drawSecondReviews(LEAD, first.periodId(), 5, 4L)).isEmpty();
    }

    @Test
    void submittedRecord_isNotDrawnForASecondReview() {
        ReviewView first = fixtures.freshReview();
        reviews.submit(ANN, first.id(), version(first.id()));

        assertThat(doubles.drawSecondReviews(LEAD, first.periodId(), 1, 3L)).isEmpty();
        assertThat(reviews.find(first.id()).orElseThrow().awaitingConsensus()).isFalse();
    }

    @Test
    void onlyTheSafetyLead_drawsSecondReviews() {
        ReviewView first = fixtures.freshReview();

        assertThatThrownBy(() -> doubles.drawSecondReviews(ANN, first.periodId(), 1, 1L))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doubles.drawSecondReviews(DOC, first.periodId(), 1, 1L))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reviewersCannotSeeEachOthersReview_andTheConsensusStaysClosedUntilBothSubmitted() {
        ReviewView first = fixtures.freshReview();
        ReviewView second =
                doubles.drawSecondReviews(LEAD, first.periodId(), 1, 3L).getFirst();
        reviews.addEvent(ANN, first.id(), version(first.id()), FALL_F, null);
        reviews.submit(ANN, first.id(), version(first.id()));

        assertThatThrownBy(() -> reviews.events(BOB, first.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.events(ANN, second.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doubles.pair(BOB, first.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doubles.pair(ANN, first.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> doubles.pair(LEAD, first.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(agreement.harmPairs(first.periodId())).isEmpty();
    }

    @Test
    void physician_seesTheFirstReviewOnlyAfterTheConsensus_andNeverTheSecond() {
        Reviewed r = bothSubmitted();

        assertThat(reviews.queue(DOC))
                .noneMatch(v -> v.id() == r.first().id() || v.id() == r.second().id());
        assertThatThrownBy(() -> reviews.view(DOC, r.first().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.view(DOC, r.second().id())).isInstanceOf(AccessDeniedException.class);

        doubles.recordConsensus(ANN, r.first().id(), version(r.first().id()), List.of(r.annF(), r.bobE()));

        assertThat(reviews.queue(DOC)).anyMatch(v -> v.id() == r.first().id());
        assertThat(reviews.queue(DOC)).noneMatch(v -> v.id() == r.second().id());
        assertThatThrownBy(() -> reviews.view(DOC, r.second().id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void consensus_sendsTheAgreedEventsOfBothReviewsToThePhysician_andWithdrawsTheRest() {
        Reviewed r = bothSubmitted();
        DoubleReviews.Pair pair = doubles.pair(BOB, r.second().id());
        assertThat(pair.firstEvents())
                .extracting(ReviewService.EventView::harmCategory)
                .containsExactly("F");
        assertThat(pair.secondEvents())
                .extracting(ReviewService.EventView::harmCategory)
                .containsExactly("G", "E");

        // they agree on Ann's fall (F, not G) and on Bob's rash
        doubles.recordConsensus(BOB, r.second().id(), version(r.first().id()), List.of(r.annF(), r.bobE()));

        List<ReviewService.EventView> sent = reviews.events(DOC, r.first().id()).stream()
                .filter(e -> !e.withdrawn())
                .toList();
        assertThat(sent)
                .extracting(ReviewService.EventView::description)
                .containsExactly("fall with fracture", "rash after antibiotic");
        assertThat(sent.get(1).createdBy()).isEqualTo("bob");
        assertThat(doubles.pair(LEAD, r.first().id()).consensusBy()).isEqualTo("bob");
        assertThat(reviews.auditTrail(LEAD, r.first().id()))
                .anySatisfy(e -> assertThat(e.field()).isEqualTo("consensus"));
        // the physician signs what was agreed
        Map<Long, String> decisions =
                Map.of(sent.get(0).id(), "confirmed", sent.get(1).id(), "confirmed");
        assertThat(reviews.sign(DOC, r.first().id(), version(r.first().id()), decisions)
                        .meaning())
                .isEqualTo("authenticated: harm E, F");
        // recorded once only
        assertThatThrownBy(() -> doubles.recordConsensus(
                        ANN, r.first().id(), version(r.first().id()), List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void consensus_isForTheTwoReviewersAndTheSafetyLeadOnly() {
        Reviewed r = bothSubmitted();

        for (var outsider : List.of(CARL, DOC, Fixtures.ADMIN)) {
            assertThatThrownBy(() -> doubles.pair(outsider, r.first().id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> doubles.recordConsensus(
                            outsider, r.first().id(), version(r.first().id()), List.of(r.annF())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(doubles.pair(LEAD, r.first().id()).second().id())
                .isEqualTo(r.second().id());
    }

    @Test
    void consensusOnAStaleVersion_isRefusedAndChangesNothing() {
        Reviewed r = bothSubmitted();
        long stale = version(r.first().id()) - 1;

        assertThatThrownBy(() -> doubles.recordConsensus(ANN, r.first().id(), stale, List.of()))
                .isInstanceOf(StaleEditException.class);
        assertThat(doubles.pair(ANN, r.first().id()).consensusRecorded()).isFalse();
        assertThat(doubles.pair(ANN, r.first().id()).firstEvents()).hasSize(1);
    }

    @Test
    void harmPairs_keepEachReviewersIndependentHighestCategory_evenAfterTheConsensus() {
        Reviewed r = bothSubmitted();

        assertThat(agreement.harmPairs(r.first().periodId()))
                .extracting(AgreementPairs.HarmPair::labels)
                .containsExactly(new CohensKappa.LabelPair("F", "G"));

        doubles.recordConsensus(ANN, r.first().id(), version(r.first().id()), List.of(r.annF(), r.bobE()));

        assertThat(agreement.harmPairs(r.first().periodId()))
                .extracting(AgreementPairs.HarmPair::labels)
                .containsExactly(new CohensKappa.LabelPair("F", "G"));
        CohensKappa.Agreement kappa = agreement.agreement(r.first().periodId()).orElseThrow();
        assertThat(kappa.records()).isEqualTo(1);
        assertThat(kappa.observed()).isZero();
    }
}

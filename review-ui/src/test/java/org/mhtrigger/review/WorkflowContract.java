package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.review.record.RecordTimeline;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.MeasureQueries;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.ReviewStatus;
import org.mhtrigger.review.store.ReviewWorkflow;
import org.mhtrigger.review.store.StaleEditException;
import org.mhtrigger.review.store.Stays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The review workflow against a real database; subclasses choose H2 or PostgreSQL. */
abstract class WorkflowContract {
    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewService reviews;

    @Autowired
    AuditTrail audit;

    @Autowired
    Stays stays;

    @Autowired
    MeasureQueries measures;

    @Autowired
    RecordTimeline timeline;

    static final EventInput FALL_F = new EventInput(
            "MH-C01", OutcomeClass.ADVERSE_EVENT, "Fell, fractured wrist, transferred", "F", false, "yes");

    private ReviewView reload(ReviewView review) {
        return reviews.view(Fixtures.LEAD, review.id());
    }

    @Test
    void importingABatch_skipsStaysAlreadyImportedAndStaysGivenTwice() {
        LocalDate day = LocalDate.of(2019, 6, 1);
        ScreenedStay first = Fixtures.stay("e-batch-1", day);
        ScreenedStay second = Fixtures.stay("e-batch-2", day.plusDays(1));
        assertThat(stays.importStays(List.of(first))).isEqualTo(1);

        int imported = stays.importStays(List.of(first, second, second));

        assertThat(imported).isEqualTo(1);
        Stays.StayView stay = stays.findByEncounter("e-batch-2").orElseThrow();
        assertThat(timeline.entries(stay.id()))
                .extracting(RecordTimeline.Entry::kind, RecordTimeline.Entry::summary)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("note", ""),
                        org.assertj.core.groups.Tuple.tuple("lab", "1.7 mmol/L"));
        assertThat(timeline.entries(stay.id()).getFirst().body()).isEqualTo(Fixtures.NOTE);
        assertThat(stays.findings(stay.id()))
                .extracting(Stays.FindingView::trigger, Stays.FindingView::spanStart, Stays.FindingView::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MH-B01", Fixtures.NOTE.indexOf("Patient cut"), "engine"),
                        org.assertj.core.groups.Tuple.tuple("MH-L01", null, "engine"));
    }

    @Test
    void restrictivePracticeRate_followsTriggersAndStaysAddedAfterItWasFirstRead() {
        LocalDate day = LocalDate.of(2018, 3, 20);
        stays.importStays(List.of(Fixtures.stay("e-restrictive-1", day)));
        reviews.drawSample(Fixtures.LEAD, ReviewPeriod.parse("2018-03"), SamplingCriteria.defaults(), 1, 7L);
        Rate before = restrictiveRate(2018, 3);
        assertThat(before.numerator()).isZero();
        assertThat(before.denominator()).isEqualTo(10.0); // the whole 10-day stay falls in March

        long stayId = stays.findByEncounter("e-restrictive-1").orElseThrow().id();
        stays.addReviewerFinding(
                stayId,
                "MH-R01",
                "Restraint",
                "held for an injection",
                day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                "ann");
        Rate afterTrigger = restrictiveRate(2018, 3);
        stays.importStays(List.of(Fixtures.stay("e-restrictive-2", day.plusDays(1))));
        Rate afterStay = restrictiveRate(2018, 3);

        assertThat(afterTrigger.numerator()).isEqualTo(1.0);
        assertThat(afterTrigger.denominator()).isEqualTo(10.0);
        assertThat(afterStay.numerator()).isEqualTo(1.0);
        assertThat(afterStay.denominator()).isEqualTo(20.0);
    }

    private Rate restrictiveRate(int year, int month) {
        LocalDate start = LocalDate.of(year, month, 1);
        return measures.periods(start, start.plusMonths(1))
                .getFirst()
                .measures()
                .rate(Measure.RESTRICTIVE_PER_1000_BED_DAYS);
    }

    @Test
    void queuePages_splitTheWholeQueueInItsOrder() {
        fixtures.freshReview();
        fixtures.freshReview();
        fixtures.freshReview();
        List<ReviewView> whole = reviews.queue(Fixtures.LEAD);

        ReviewService.QueuePage first = reviews.queue(Fixtures.LEAD, 1, 2);
        ReviewService.QueuePage second = reviews.queue(Fixtures.LEAD, 2, 2);
        ReviewService.QueuePage beyond = reviews.queue(Fixtures.LEAD, 10_000, 2);

        assertThat(first.total()).isEqualTo(whole.size());
        assertThat(first.reviews())
                .extracting(ReviewView::id)
                .containsExactly(whole.get(0).id(), whole.get(1).id());
        assertThat(second.reviews())
                .extracting(ReviewView::id)
                .containsExactly(whole.get(2).id(), whole.get(3).id());
        assertThat(second.first()).isEqualTo(3);
        assertThat(beyond.page()).isEqualTo(first.pages());
        assertThat(beyond.reviews())
                .extracting(ReviewView::id)
                .contains(whole.getLast().id());
    }

    @Test
    void measures_followAReviewThatIsSignedAfterTheyWereFirstRead() {
        ReviewView review = fixtures.freshReview();
        ReviewService.PeriodView period = reviews.periods(Fixtures.LEAD).stream()
                .filter(p -> p.id() == review.periodId())
                .findFirst()
                .orElseThrow();
        MeasureQueries.PeriodData before =
                measures.periods(period.start(), period.start().plusDays(1)).getFirst();
        assertThat(before.authenticated()).isZero();

        long eventId = reviews.addEvent(Fixtures.ANN, review.id(), review.version(), FALL_F, null);
        reviews.submit(Fixtures.ANN, review.id(), reload(review).version());
        reviews.sign(Fixtures.DOC, review.id(), reload(review).version(), Map.of(eventId, "confirmed"));
        MeasureQueries.PeriodData after =
                measures.periods(period.start(), period.start().plusDays(1)).getFirst();

        assertThat(after.authenticated()).isEqualTo(1);
        assertThat(after.measures().harmEvents()).hasSize(1);
        assertThat(after.measures().rate(Measure.AE_PER_100_ADMISSIONS).value()).isEqualTo(100.0);
    }

    @Test
    void sample_storesWhatAnAuditorNeedsToRedrawIt() {
        ReviewView review = fixtures.freshReview();

        ReviewService.PeriodView period = reviews.periods(Fixtures.LEAD).stream()
                .filter(p -> p.id() == review.periodId())
                .findFirst()
                .orElseThrow();
        assertThat(period.seed()).isEqualTo(7L);
        assertThat(period.frameSize()).isEqualTo(1);
        assertThat(period.protocolVersion()).isEqualTo("1.0");
        assertThat(period.minAgeYears()).isEqualTo(18);
        assertThat(period.minLosHours()).isEqualTo(24.0);
        assertThat(review.status()).isEqualTo(ReviewStatus.ASSIGNED);
        assertThat(review.reviewer()).isEqualTo("ann");
    }

    @Test
    void anEventIsRecordedUnderHarmCategoriesEToIOnly() {
        ReviewView review = fixtures.freshReview();
        for (String refused : List.of("A", "D", "Z", "e")) {
            long version = reload(review).version();
            assertThatThrownBy(() -> reviews.addEvent(
                            Fixtures.ANN,
                            review.id(),
                            version,
                            new EventInput("MH-C01", OutcomeClass.ADVERSE_EVENT, "Fell", refused, false, "yes"),
                            null))
                    .as("harm category %s", refused)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(reviews.events(Fixtures.ANN, review.id())).isEmpty();

        long eventId = reviews.addEvent(
                Fixtures.ANN,
                review.id(),
                reload(review).version(),
                new EventInput("MH-C01", OutcomeClass.ADVERSE_EVENT, "Fell", "I", false, "yes"),
                null);
        assertThat(reviews.events(Fixtures.ANN, review.id()))
                .extracting(ReviewService.EventView::id, ReviewService.EventView::harmCategory)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(eventId, "I"));
    }

    @Test
    void twoEditsFromTheSameVersion_secondIsRejectedAndTheFirstKept() {
        ReviewView review = fixtures.freshReview();
        reviews.addEvent(Fixtures.ANN, review.id(), review.version(), FALL_F, null);

        EventInput other = new EventInput(null, OutcomeClass.ADVERSE_DRUG_EVENT, "other tab", "E", false, "no");
        assertThatThrownBy(() -> reviews.addEvent(Fixtures.ANN, review.id(), review.version(), other, null))
                .isInstanceOf(StaleEditException.class)
                .hasMessageContaining("changed by someone else");

        List<ReviewService.EventView> events = reviews.events(Fixtures.ANN, review.id());
        assertThat(events)
                .extracting(ReviewService.EventView::description)
                .containsExactly("Fell, fractured wrist, transferred");
    }

    @Test
    void changingAnEventFromAStaleEventVersion_isRejected() {
        ReviewView review = fixtures.freshReview();
        long eventId = reviews.addEvent(Fixtures.ANN, review.id(), review.version(), FALL_F, null);
        ReviewService.EventView event =
                reviews.events(Fixtures.ANN, review.id()).getFirst();
        EventInput g = new EventInput("MH-C01", OutcomeClass.ADVERSE_EVENT, "worse", "G", false, "yes");
        reviews.changeEvent(
                Fixtures.ANN, review.id(), reload(review).version(), eventId, event.version(), g, false, null);

        EventInput e = new EventInput("MH-C01", OutcomeClass.ADVERSE_EVENT, "milder", "E", false, "yes");
        assertThatThrownBy(() -> reviews.changeEvent(
                        Fixtures.ANN, review.id(), reload(review).version(), eventId, event.version(), e, false, null))
                .isInstanceOf(StaleEditException.class);
        assertThat(reviews.events(Fixtures.ANN, review.id()).getFirst().harmCategory())
                .isEqualTo("G");
    }

    @Test
    void createSubmitChangeAndSign_areAllInTheAuditTrail() {
        ReviewView review = fixtures.freshReview();
        long before = audit.count();

        // create
        long eventId = reviews.addEvent(Fixtures.ANN, review.id(), review.version(), FALL_F, null);
        reviews.submit(Fixtures.ANN, review.id(), reload(review).version());
        assertThat(reload(review).status()).isEqualTo(ReviewStatus.SUBMITTED);

        // a change after submission needs a reason
        ReviewService.EventView event =
                reviews.events(Fixtures.ANN, review.id()).getFirst();
        EventInput g = new EventInput("MH-C01", OutcomeClass.ADVERSE_EVENT, FALL_F.description(), "G", false, "yes");
        assertThatThrownBy(() -> reviews.changeEvent(
                        Fixtures.ANN, review.id(), reload(review).version(), eventId, event.version(), g, false, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        reviews.changeEvent(
                Fixtures.ANN, review.id(), reload(review).version(), eventId, event.version(), g, false, "X-ray");

        // sign
        ReviewService.SignatureView signature =
                reviews.sign(Fixtures.DOC, review.id(), reload(review).version(), Map.of(eventId, "confirmed"));
        assertThat(signature.meaning()).isEqualTo("authenticated: harm G");
        assertThat(signature.signerName()).isEqualTo("Dr Dana Doctor");
        assertThat(reload(review).status()).isEqualTo(ReviewStatus.AUTHENTICATED);

        List<AuditTrail.Entry> trail = audit.forReview(review.id());
        assertThat(trail)
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("ann");
                    assertThat(e.field()).isEqualTo("harm category");
                    assertThat(e.oldValue()).isNull();
                    assertThat(e.newValue()).isEqualTo("F");
                })
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("harm category");
                    assertThat(e.oldValue()).isEqualTo("F");
                    assertThat(e.newValue()).isEqualTo("G");
                    assertThat(e.reason()).isEqualTo("X-ray");
                })
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("doc");
                    assertThat(e.entity()).isEqualTo("signature");
                    assertThat(e.newValue()).isEqualTo("authenticated: harm G");
                });
        assertThat(audit.count()).isGreaterThan(before + trail.size() - 2);
    }

    @Test
    void changeAfterSignature_returnsTheRecordToChangedSinceSignatureUntilReSigned() {
        ReviewView review = fixtures.freshReview();
        long eventId = reviews.addEvent(Fixtures.ANN, review.id(), review.version(), FALL_F, null);
        reviews.submit(Fixtures.ANN, review.id(), reload(review).version());
        reviews.sign(Fixtures.DOC, review.id(), reload(review).version(), Map.of(eventId, "confirmed"));
        ReviewService.EventView event =
                reviews.events(Fixtures.ANN, review.id()).getFirst();

        EventInput e = new EventInput("MH-C01", OutcomeClass.ADVERSE_EVENT, "on reflection", "E", false, "yes");
        reviews.changeEvent(
                Fixtures.ANN, review.id(), reload(review).version(), eventId, event.version(), e, false, "second look");

        assertThat(reload(review).status()).isEqualTo(ReviewStatus.CHANGED_SINCE_SIGNATURE);
        assertThat(reviews.events(Fixtures.ANN, review.id()).getFirst().status())
                .isEqualTo(ReviewWorkflow.EventStatus.RECORDED);
        reviews.sign(Fixtures.DOC, review.id(), reload(review).version(), Map.of(eventId, "confirmed"));
        assertThat(reload(review).status()).isEqualTo(ReviewStatus.AUTHENTICATED);
        assertThat(reviews.signatures(Fixtures.DOC, review.id()))
                .extracting(ReviewService.SignatureView::meaning)
                .containsExactly("authenticated: harm F", "authenticated: harm E");
    }

    @Test
    void onlyTheAssignedReviewerEdits_andOnlyAPhysicianSigns() {
        ReviewView review = fixtures.freshReview();

        assertThatThrownBy(() -> reviews.addEvent(Fixtures.BOB, review.id(), review.version(), FALL_F, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.addEvent(Fixtures.LEAD, review.id(), review.version(), FALL_F, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.sign(Fixtures.ANN, review.id(), review.version(), Map.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.view(Fixtures.DOC, review.id()))
                .as("a physician sees a record once it is submitted")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void signingWithoutADecisionForEveryEvent_isRefused() {
        ReviewView review = fixtures.freshReview();
        reviews.addEvent(Fixtures.ANN, review.id(), review.version(), FALL_F, null);
        reviews.submit(Fixtures.ANN, review.id(), reload(review).version());

        assertThatThrownBy(() ->
                        reviews.sign(Fixtures.DOC, review.id(), reload(review).version(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a decision");
        assertThat(reload(review).status()).isEqualTo(ReviewStatus.SUBMITTED);
    }
}

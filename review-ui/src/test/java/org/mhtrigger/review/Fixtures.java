package org.mhtrigger.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.Stay;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.TriggerDefinition;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;

/**
 * Synthetic records and accounts for the tests: each {@link #freshReview()} imports one new stay discharged on a day
 * of its own and draws a one-day sample of it, so tests sharing a database do not see each other's records.
 */
public final class Fixtures {
    public static final String PASSWORD = "correct-horse-battery-staple";
    public static final String RULESET = "1.0.0+test";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "\"><img src=x onerror=alert(1)>";
    /** A nursing note with a self-harm sentence and two XSS payloads. */
    public static final String NOTE = "Settled on the ward overnight. Patient cut her left forearm with a broken cup at"
            + " 02:10; wound cleaned and dressed. She wrote " + SCRIPT + " on the whiteboard and typed " + IMG
            + " into the tablet.";

    private static final AtomicInteger DAY = new AtomicInteger();
    private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    public static final List<TriggerDefinition> CATALOGUE = List.of(
            new TriggerDefinition("MH-B01", "Self-harm", "Behaviour & safety", "S+T"),
            new TriggerDefinition("MH-C01", "Fall", "Care", "S+T"),
            new TriggerDefinition("MH-C07", "Other", "Care", "-"),
            new TriggerDefinition("MH-L01", "Lithium high", "Laboratory", "S"));

    private final DemoData data;
    private final Users users;
    private final ReviewService reviews;

    public Fixtures(DemoData data, Users users, ReviewService reviews) {
        this.data = data;
        this.users = users;
        this.reviews = reviews;
    }

    public static final Caller LEAD = new Caller("lead", "Lee Lead", Role.SAFETY_LEAD);
    public static final Caller ANN = new Caller("ann", "Ann Reviewer", Role.REVIEWER);
    public static final Caller BOB = new Caller("bob", "Bob Reviewer", Role.REVIEWER);
    public static final Caller DOC = new Caller("doc", "Dr Dana Doctor", Role.PHYSICIAN);
    public static final Caller ADMIN = new Caller("root", "Ria Admin", Role.ADMIN);
    /** A reviewer whose sign-in the throttling test locks out. */
    public static final Caller CARL = new Caller("carl", "Carl Reviewer", Role.REVIEWER);

    /** Creates the test accounts once; all have {@link #PASSWORD}. Ann gets every record (first reviewer by name). */
    public synchronized void accounts() {
        for (Caller caller : List.of(LEAD, ANN, BOB, CARL, DOC, ADMIN)) {
            if (users.find(caller.username()).isEmpty()) {
                users.create(caller.username(), caller.displayName(), caller.role(), PASSWORD, "test");
            }
        }
    }

    /** Imports a new stay on a day of its own and draws it as a one-stay sample; returns its review. */
    public ReviewService.ReviewView freshReview() {
        accounts();
        LocalDate day = BASE.plusDays(DAY.incrementAndGet());
        String encounter = "e-" + day;
        data.importStays(List.of(stay(encounter, day)));
        ReviewService.PeriodView period =
                reviews.drawSample(LEAD, ReviewPeriod.parse(day + "/" + day), SamplingCriteria.defaults(), 1, 7L);
        Optional<ReviewService.ReviewView> review = reviews.queue(LEAD).stream()
                .filter(r -> r.periodId() == period.id())
                .findFirst();
        return review.orElseThrow(() -> new AssertionError("sample of " + day + " is empty"));
    }

    /** A 10-day stay discharged at noon on {@code day}: the XSS note with a self-harm finding, and a lithium level. */
    public static ScreenedStay stay(String encounter, LocalDate day) {
        String patient = "p-" + encounter;
        Instant discharged = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant admitted = discharged.minusSeconds(10 * 86_400L);
        Instant noteTime = admitted.plusSeconds(3 * 86_400L);
        SourceRef noteRef = new SourceRef("DocumentReference", "n-" + encounter);
        SourceRef labRef = new SourceRef("Observation", "o-" + encounter);
        StayRecord record = StayRecord.builder(
                        new Patient(patient, "female", LocalDate.of(1980, 5, 17), null),
                        new Stay(encounter, patient, admitted, discharged, "Ward 6 (Acute)", DischargeDisposition.HOME))
                .note(new Note(noteRef, "nursing", noteTime, NOTE))
                .lab(new LabResult(labRef, "lithium", 1.7, "mmol/L", 1.7, "mmol/L", noteTime.plusSeconds(3600)))
                .build();
        int start = NOTE.indexOf("Patient cut");
        int end = NOTE.indexOf("; wound");
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(
                encounter,
                patient,
                "MH-B01",
                "Self-harm",
                noteRef,
                new TextSpan(start, end),
                NOTE.substring(start, end),
                noteTime,
                RULESET));
        findings.add(new Finding(
                encounter,
                patient,
                "MH-L01",
                "Lithium high",
                labRef,
                null,
                "Lithium 1.7 mmol/L (threshold 1.5)",
                noteTime.plusSeconds(3600),
                RULESET));
        return new ScreenedStay(record, findings, RULESET);
    }
}

package org.mhtrigger.corpus.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans patients: who they are and when each of their stays begins and ends. Patient boundaries depend only on the
 * seed and the index of the patient's first stay, so the same stays belong to the same patients whatever the corpus
 * size. Every plan ends by {@link #EXPORTED}, as the closed records of a real export do. Not thread-safe: patients must
 * be planned in order from stay 0 (it remembers which death windows are taken).
 */
public final class PatientPlanner {
    private static final LocalDate EARLIEST_ADMISSION = LocalDate.of(2022, 1, 3);

    /**
     * The day the synthetic export is taken ({@link org.mhtrigger.corpus.CorpusGenerator#EXPORT_DAY}): no stay,
     * emergency visit or death in a follow-up window ends after it, and a late death that would fall after it is not
     * yet known.
     */
    public static final LocalDate EXPORTED = LocalDate.parse(org.mhtrigger.corpus.CorpusGenerator.EXPORT_DAY);

    private final long seed;
    private final LocalDate exported;
    private long claimedWindow = -1;

    public PatientPlanner(long seed) {
        this(seed, EXPORTED);
    }

    /** For tests: plans ending by another day. */
    PatientPlanner(long seed, LocalDate exported) {
        this.seed = seed;
        this.exported = exported;
    }

    /**
     * The patient whose first stay has index {@code firstStay}. A timeline that would end after the export day is
     * planned again from the same draws with its first admission whole weeks earlier, so that its intervals, clock
     * times and weekdays are those of the first plan.
     */
    public PatientPlan plan(int firstStay, long idOffset) {
        long claimed = claimedWindow;
        PatientPlan plan = plan(firstStay, idOffset, 0);
        long daysOver = ChronoUnit.DAYS.between(exported, lastDay(plan));
        if (daysOver > 0) {
            claimedWindow = claimed;
            plan = plan(firstStay, idOffset, 7 * ((daysOver + 6) / 7));
        }
        if (plan.death() == DeathMode.LATE && plan.deathTime().toLocalDate().isAfter(exported)) {
            // the stays keep their plan, so their resources are unchanged; only the Patient has no death date yet
            plan = plan.withoutDeath();
        }
        return plan;
    }

    /** The last local day of a plan's stays, emergency visits and deaths within follow-up (not late deaths). */
    private static LocalDate lastDay(PatientPlan plan) {
        LocalDate last = plan.stays().getLast().discharged().toLocalDate();
        for (StayPlan stay : plan.stays()) {
            if (stay.emergencyAfterDischarge() != null
                    && stay.emergencyAfterDischarge().toLocalDate().isAfter(last)) {
                last = stay.emergencyAfterDischarge().toLocalDate();
            }
        }
        if (plan.deathTime() != null
                && plan.death() != DeathMode.LATE
                && plan.deathTime().toLocalDate().isAfter(last)) {
            last = plan.deathTime().toLocalDate();
        }
        return last;
    }

    private PatientPlan plan(int firstStay, long idOffset, long daysEarlier) {
        SplittableRandom random = Seeds.stream(seed, firstStay, Seeds.PATIENT);
        double r = random.nextDouble();
        int stayCount = r < 0.74 ? 1 : r < 0.91 ? 2 : r < 0.97 ? 3 : 4;
        Site site = random.nextDouble() < 0.6 ? Site.UK : Site.SINGAPORE;
        boolean male = random.nextDouble() < 0.55;
        LocalDate firstAdmission =
                EARLIEST_ADMISSION.plusDays(random.nextInt(1250)).minusDays(daysEarlier);
        int age = random.nextDouble() < 0.85 ? Seeds.between(random, 18, 64) : Seeds.between(random, 65, 91);
        LocalDate birthDate = firstAdmission.minusYears(age).minusDays(random.nextInt(365));
        String pseudonym = "PSN-"
                + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 10).toUpperCase();

        DeathMode death = deathMode(firstStay, random);
        List<StayPlan> stays = new ArrayList<>(stayCount);
        ZonedDateTime admitted = firstAdmission
                .atTime(LocalTime.of(Seeds.between(random, 8, 22), 5 * random.nextInt(12)))
                .atZone(site.zone());
        ZonedDateTime previousDischarge = null;
        ZonedDateTime deathTime = null;
        for (int j = 0; j < stayCount; j++) {
            int index = firstStay + j;
            boolean last = j == stayCount - 1;
            double days = StrictMath.exp(StrictMath.log(17.0) + 0.95 * Seeds.gaussian(random));
            days = Math.max(3.0, Math.min(240.0, days));
            if (Schedule.needsLongStay(index)) {
                days = Math.max(days, 10.0 + random.nextInt(20));
            }
            boolean deathBound = last
                    && (death == DeathMode.IN_STAY
                            || death == DeathMode.ON_LEAVE_TEXT_ONLY
                            || death == DeathMode.AFTER_DISCHARGE_WITHIN_WINDOW);
            if (deathBound) {
                days = Math.min(days, 80.0);
            }
            ZonedDateTime discharged = admitted.plusDays((long) days)
                    .with(LocalTime.of(Seeds.between(random, 10, 16), 5 * random.nextInt(12)));
            if (!discharged.isAfter(admitted.plusDays(2))) {
                discharged = admitted.plusDays(3).with(LocalTime.of(11, 0));
            }

            ZonedDateTime nextAdmission = null;
            if (!last) {
                double g = random.nextDouble();
                if (g < 0.08) {
                    // exactly 30 calendar days and under 30 x 24 h: a readmission under every reading of "within 30
                    // days"
                    nextAdmission = discharged.plusDays(30).minusMinutes(60 + 5L * random.nextInt(24));
                } else if (g < 0.16) {
                    // exactly 31 calendar days and over 31 x 24 h: outside the window under every reading
                    nextAdmission = discharged.plusDays(31).plusMinutes(60 + 5L * random.nextInt(24));
                } else if (g < 0.36) {
                    nextAdmission = discharged
                            .plusDays(Seeds.between(random, 2, 28))
                            .with(LocalTime.of(Seeds.between(random, 8, 22), 5 * random.nextInt(12)));
                } else {
                    nextAdmission = discharged
                            .plusDays(Seeds.between(random, 45, 700))
                            .with(LocalTime.of(Seeds.between(random, 8, 22), 5 * random.nextInt(12)));
                }
            }

            ZonedDateTime emergency = null;
            if (random.nextDouble() < 0.08) {
                double e = random.nextDouble();
                if (e < 0.6) {
                    int day = Seeds.between(random, 1, 7);
                    emergency = day == 7
                            ? discharged.plusDays(7).minusMinutes(90)
                            : discharged.plusDays(day).plusMinutes(5L * random.nextInt(100));
                } else if (e < 0.85) {
                    emergency = discharged.plusDays(8).plusMinutes(90);
                } else {
                    emergency = discharged.plusDays(Seeds.between(random, 15, 40));
                }
                boolean clashes =
                        nextAdmission != null && !emergency.plusDays(1).isBefore(nextAdmission);
                boolean afterDeath = last && death != DeathMode.NONE && death != DeathMode.LATE;
                if (clashes || afterDeath) {
                    emergency = null;
                }
            }

            DeathMode stayDeath = last ? death : DeathMode.NONE;
            if (last) {
                deathTime = switch (death) {
                    case NONE -> null;
                    case IN_STAY -> discharged.minusHours(2);
                    case ON_LEAVE_TEXT_ONLY -> discharged.minusHours(7);
                    case AFTER_DISCHARGE_WITHIN_WINDOW ->
                        discharged.plusDays(29).minusHours(3);
                    case AFTER_DISCHARGE_OUTSIDE_WINDOW -> discharged.plusDays(32);
                    case LATE -> discharged.plusDays(Seeds.between(random, 400, 1500));
                };
            }
            stays.add(new StayPlan(
                    index, admitted, discharged, previousDischarge, emergency, stayDeath, last ? deathTime : null));
            previousDischarge = discharged;
            admitted = nextAdmission;
        }
        boolean dateOnly =
                death == DeathMode.AFTER_DISCHARGE_OUTSIDE_WINDOW || (death == DeathMode.LATE && random.nextBoolean());
        return new PatientPlan(
                firstStay,
                String.format("p-%06d", firstStay + idOffset + 1),
                pseudonym,
                site,
                male,
                birthDate,
                stays,
                death,
                deathTime,
                dateOnly);
    }

    /**
     * Deaths are placed in fixed windows of stay indices so that a 200-stay sample holds each kind; any window of four
     * consecutive indices holds the first stay of some patient because no patient has more than four stays; only the
     * first patient starting in a window dies that way.
     */
    private DeathMode deathMode(int firstStay, SplittableRandom random) {
        int position = firstStay % 100;
        long window = (firstStay / 100) * 100L + (position / 5) * 5L;
        boolean inWindow = (position >= 10 && position <= 13)
                || (position >= 40 && position <= 43)
                || (position >= 70 && position <= 73)
                || (position >= 85 && position <= 88);
        if (inWindow && window == claimedWindow) {
            return random.nextDouble() < 0.03 ? DeathMode.LATE : DeathMode.NONE;
        }
        if (inWindow) {
            claimedWindow = window;
        }
        if (position >= 10 && position <= 13) {
            return DeathMode.IN_STAY;
        }
        if (position >= 40 && position <= 43) {
            return DeathMode.AFTER_DISCHARGE_WITHIN_WINDOW;
        }
        if (position >= 70 && position <= 73) {
            return DeathMode.ON_LEAVE_TEXT_ONLY;
        }
        if (position >= 85 && position <= 88) {
            return DeathMode.AFTER_DISCHARGE_OUTSIDE_WINDOW;
        }
        return random.nextDouble() < 0.03 ? DeathMode.LATE : DeathMode.NONE;
    }
}

package org.mhtrigger.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final ReviewPeriod MARCH = ReviewPeriod.month(YearMonth.of(2026, 3));
    private static final LocalDate ADULT = LocalDate.of(1980, 5, 1);

    /** n stays discharged across March 2026, all adults, all 3 days long, on wards A, B and C in turn. */
    private static List<SamplingUnit> marchStays(int n) {
        List<SamplingUnit> stays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant discharged = Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i * 3600L * 6);
            stays.add(new SamplingUnit(
                    String.format("e-%03d", i),
                    "p-" + i,
                    discharged.minusSeconds(3 * 86_400),
                    discharged,
                    "ward-" + "ABC".charAt(i % 3),
                    ADULT));
        }
        return stays;
    }

    private static SamplingUnit stay(String id, String admitted, String discharged, LocalDate birthDate) {
        return new SamplingUnit(id, "p-" + id, Instant.parse(admitted), Instant.parse(discharged), "", birthDate);
    }

    @Test
    void sameInputsInAnyOrder_giveTheSameManifest() {
        List<SamplingUnit> stays = marchStays(60);
        long shuffleSeed = 7;
        List<SamplingUnit> shuffled = new ArrayList<>(stays);
        Collections.shuffle(shuffled, new Random(shuffleSeed));

        SampleManifest first = Sampler.draw(stays, MARCH, SamplingCriteria.defaults(), 20, 42);
        SampleManifest second = Sampler.draw(shuffled, MARCH, SamplingCriteria.defaults(), 20, 42);

        assertThat(second).as("input shuffled with seed %d", shuffleSeed).isEqualTo(first);
        assertThat(first.chosen()).hasSize(20).doesNotHaveDuplicates();
        assertThat(first.frameSize()).isEqualTo(60);
        assertThat(first.seed()).isEqualTo(42);
        assertThat(first.requestedSize()).isEqualTo(20);
        assertThat(first.protocolVersion()).isEqualTo(Sampler.PROTOCOL_VERSION);
    }

    @Test
    void differentSeed_drawsADifferentSample() {
        List<SamplingUnit> stays = marchStays(60);

        SampleManifest seed42 = Sampler.draw(stays, MARCH, SamplingCriteria.defaults(), 20, 42);
        SampleManifest seed43 = Sampler.draw(stays, MARCH, SamplingCriteria.defaults(), 20, 43);

        assertThat(seed43.chosen()).isNotEqualTo(seed42.chosen());
    }

    @Test
    void theDrawIsPinnedByTheDocumentedProtocol() {
        // a change here means a redraw of an old sample would differ: bump PROTOCOL_VERSION
        SampleManifest manifest = Sampler.draw(marchStays(10), MARCH, SamplingCriteria.defaults(), 3, 42);

        assertThat(manifest.chosen()).containsExactlyElementsOf(expectedByHand(10, 3, 42));
    }

    /** The protocol's partial Fisher–Yates written out independently of the sampler. */
    private static List<String> expectedByHand(int n, int k, long seed) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("e-%03d", i));
        }
        Sampler.SplitMix64 random = new Sampler.SplitMix64(seed);
        for (int i = 0; i < k; i++) {
            Collections.swap(ids, i, i + random.nextIndex(n - i));
        }
        return ids.subList(0, k);
    }

    @Test
    void splitMix64_matchesTheReferenceOutputForSeedZero() {
        Sampler.SplitMix64 random = new Sampler.SplitMix64(0);

        assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    }

    @Test
    void sizeLargerThanTheFrame_choosesTheWholeFrame() {
        List<SamplingUnit> stays = marchStays(7);

        SampleManifest manifest = Sampler.draw(stays, MARCH, SamplingCriteria.defaults(), 20, 42);

        assertThat(manifest.frameSize()).isEqualTo(7);
        assertThat(manifest.requestedSize()).isEqualTo(20);
        assertThat(manifest.chosen())
                .containsExactlyInAnyOrderElementsOf(
                        stays.stream().map(SamplingUnit::encounterId).toList());
    }

    @Test
    void emptyFrame_givesAnEmptySample() {
        SampleManifest manifest = Sampler.draw(List.of(), MARCH, SamplingCriteria.defaults(), 20, 42);

        assertThat(manifest.frameSize()).isZero();
        assertThat(manifest.chosen()).isEmpty();
    }

    @Test
    void frame_keepsOnlyStaysDischargedInsideThePeriod() {
        List<SamplingUnit> stays = List.of(
                stay("before", "2026-02-20T00:00:00Z", "2026-02-28T23:59:59Z", ADULT),
                stay("first-second", "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z", ADULT),
                stay("last-second", "2026-03-20T00:00:00Z", "2026-03-31T23:59:59Z", ADULT),
                stay("after", "2026-03-20T00:00:00Z", "2026-04-01T00:00:00Z", ADULT));

        assertThat(Sampler.frame(stays, MARCH, SamplingCriteria.defaults()))
                .extracting(SamplingUnit::encounterId)
                .containsExactly("first-second", "last-second");
    }

    @Test
    void frame_leavesOutStaysShorterThanTheMinimumLengthOfStay() {
        List<SamplingUnit> stays = List.of(
                stay("23h59", "2026-03-10T00:00:00Z", "2026-03-10T23:59:00Z", ADULT),
                stay("24h", "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z", ADULT),
                stay("71h", "2026-03-10T00:00:00Z", "2026-03-12T23:00:00Z", ADULT),
                stay("72h", "2026-03-10T00:00:00Z", "2026-03-13T00:00:00Z", ADULT));

        assertThat(Sampler.frame(stays, MARCH, SamplingCriteria.defaults()))
                .extracting(SamplingUnit::encounterId)
                .containsExactly("24h", "71h", "72h");
        assertThat(Sampler.frame(stays, MARCH, SamplingCriteria.defaults().withMinLengthOfStayHours(72)))
                .extracting(SamplingUnit::encounterId)
                .containsExactly("72h");
    }

    @Test
    void frame_appliesTheAgeRuleOnTheDayOfAdmission() {
        List<SamplingUnit> stays = List.of(
                stay("18-today", "2026-03-01T09:00:00Z", "2026-03-05T09:00:00Z", LocalDate.of(2008, 3, 1)),
                stay("18-tomorrow", "2026-03-01T09:00:00Z", "2026-03-05T09:00:00Z", LocalDate.of(2008, 3, 2)),
                stay("no-birth-date", "2026-03-01T09:00:00Z", "2026-03-05T09:00:00Z", null));

        assertThat(Sampler.frame(stays, MARCH, SamplingCriteria.defaults()))
                .extracting(SamplingUnit::encounterId)
                .containsExactly("18-today");
        assertThat(Sampler.frame(stays, MARCH, SamplingCriteria.defaults().withMinAgeYears(0)))
                .as("a child and adolescent unit drops the age rule")
                .extracting(SamplingUnit::encounterId)
                .containsExactly("18-today", "18-tomorrow", "no-birth-date");
    }

    @Test
    void fortnightPeriods_splitTheMonthWithoutOverlap() {
        List<SamplingUnit> stays = marchStays(120);
        ReviewPeriod firstHalf = ReviewPeriod.parse("2026-03-01/2026-03-14");
        ReviewPeriod secondHalf = ReviewPeriod.parse("2026-03-15/2026-03-28");

        List<SamplingUnit> first = Sampler.frame(stays, firstHalf, SamplingCriteria.defaults());
        List<SamplingUnit> second = Sampler.frame(stays, secondHalf, SamplingCriteria.defaults());

        assertThat(first).hasSize(14 * 4 - 1).doesNotContainAnyElementsOf(second);
        assertThat(first).allSatisfy(u -> assertThat(u.discharged()).isBefore(Instant.parse("2026-03-15T00:00:00Z")));
        assertThat(second)
                .allSatisfy(u -> assertThat(u.discharged()).isAfterOrEqualTo(Instant.parse("2026-03-15T00:00:00Z")));
        assertThat(Sampler.draw(stays, firstHalf, SamplingCriteria.defaults(), 10, 42)
                        .chosen())
                .hasSize(10);
    }

    @Test
    void stratifiedByWard_allocatesProportionallyToWardSize() {
        // 30 stays on ward A, 20 on B, 10 on C: a sample of 12 is 6, 4 and 2
        List<SamplingUnit> stays = new ArrayList<>();
        Map<String, String> wardOf = new HashMap<>();
        int i = 0;
        for (String[] ward : new String[][] {{"A", "30"}, {"B", "20"}, {"C", "10"}}) {
            for (int j = 0; j < Integer.parseInt(ward[1]); j++, i++) {
                String id = String.format("e-%03d", i);
                wardOf.put(id, ward[0]);
                stays.add(new SamplingUnit(
                        id,
                        "p-" + i,
                        Instant.parse("2026-03-02T00:00:00Z"),
                        Instant.parse("2026-03-09T00:00:00Z"),
                        ward[0],
                        ADULT));
            }
        }

        SampleManifest manifest =
                Sampler.draw(stays, MARCH, SamplingCriteria.defaults().withStratifyBy("ward"), 12, 42);

        Map<String, Integer> perWard = new HashMap<>();
        manifest.chosen().forEach(id -> perWard.merge(wardOf.get(id), 1, Integer::sum));
        assertThat(perWard).containsExactlyInAnyOrderEntriesOf(Map.of("A", 6, "B", 4, "C", 2));
        assertThat(manifest.chosen().subList(0, 6))
                .allSatisfy(id -> assertThat(wardOf.get(id)).isEqualTo("A"));
        assertThat(manifest.criteria().stratifyBy()).isEqualTo("ward");
    }

    @Test
    void stratifiedAllocation_givesLeftoversToTheLargestRemainders() {
        // 10 draws over 5, 3 and 2 of 10 stays → 5, 3, 2 exactly; 4 draws → 2, 1.2, 0.8 → 2, 1, 1
        assertThat(Sampler.allocate(new int[] {5, 3, 2}, 10, 10)).containsExactly(5, 3, 2);
        assertThat(Sampler.allocate(new int[] {5, 3, 2}, 4, 10)).containsExactly(2, 1, 1);
        assertThat(Sampler.allocate(new int[] {1, 1, 1}, 2, 3)).containsExactly(1, 1, 0);
    }

    @Test
    void stratifiedDraw_isAlsoIndependentOfInputOrder() {
        List<SamplingUnit> stays = marchStays(45);
        List<SamplingUnit> reversed = new ArrayList<>(stays);
        Collections.reverse(reversed);
        SamplingCriteria byWard = SamplingCriteria.defaults().withStratifyBy("ward");

        assertThat(Sampler.draw(reversed, MARCH, byWard, 9, 5)).isEqualTo(Sampler.draw(stays, MARCH, byWard, 9, 5));
    }

    @Test
    void duplicateEncounterIds_areRefusedNamingTheEncounter() {
        List<SamplingUnit> stays = new ArrayList<>(marchStays(3));
        stays.add(marchStays(3).get(1));

        assertThatThrownBy(() -> Sampler.draw(stays, MARCH, SamplingCriteria.defaults(), 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e-001");
    }

    @Test
    void negativeSize_isRefused() {
        assertThatThrownBy(() -> Sampler.draw(List.of(), MARCH, SamplingCriteria.defaults(), -1, 1))
                .hasMessage("sample size -1 must be >= 0");
    }
}

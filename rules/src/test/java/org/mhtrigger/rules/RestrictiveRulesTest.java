package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.administration;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.given;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.sources;
import static org.mhtrigger.rules.Fixtures.stay;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.ProcedureRecord;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.screen.Finding;

/** restrictive.drl: MH-R01, MH-R02, MH-R03. */
class RestrictiveRulesTest {

    private static ProcedureRecord procedure(String id, String kind, String status, Instant start) {
        return new ProcedureRecord(new SourceRef("Procedure", id), kind, kind + " episode", start, null, status);
    }

    @Test
    void eachRestraintEpisode_isAFinding() {
        List<Finding> findings = evaluate(stay().procedure(procedure("r-1", "restraint", "completed", at(2)))
                .procedure(procedure("r-2", "restraint", "completed", at(3))));

        assertThat(sources("MH-R01", findings)).containsExactlyInAnyOrder("r-1", "r-2");
    }

    @Test
    void restraintNotDone_orOutsideTheStay_doesNotFire() {
        List<Finding> findings = evaluate(stay().procedure(procedure("r-1", "restraint", "not-done", at(2)))
                .procedure(procedure("r-2", "restraint", "completed", at(-2))));

        assertThat(only("MH-R01", findings)).isEmpty();
    }

    @Test
    void seclusionEpisode_fires_andRestraint_isNotSeclusion() {
        List<Finding> findings = evaluate(stay().procedure(procedure("s-1", "seclusion", "completed", at(2)))
                .procedure(procedure("r-1", "restraint", "completed", at(2))));

        assertThat(sources("MH-R02", findings)).containsExactly("s-1");
    }

    @Test
    void intramuscularLorazepamAndShortActingZuclopenthixol_fire() {
        List<Finding> findings = evaluate(stay().medication(given("l-1", "lorazepam", 2.0, Route.INTRAMUSCULAR, at(2)))
                .medication(given("z-1", "zuclopenthixol acetate", 50.0, Route.INTRAMUSCULAR, at(3)))
                .medication(given("h-1", "haloperidol", 5.0, Route.INTRAVENOUS, at(4))));

        assertThat(sources("MH-R03", findings)).containsExactlyInAnyOrder("l-1", "z-1", "h-1");
        assertThat(only("MH-R03", findings)).extracting(Finding::evidence).contains("Lorazepam 2 mg IM given");
    }

    @Test
    void oralLorazepamAndDepotInjections_doNotFire() {
        List<Finding> findings = evaluate(stay().medication(given("l-1", "lorazepam", 1.0, Route.ORAL, at(2)))
                .medication(administration(
                        "z-1", "zuclopenthixol", 200.0, Route.INTRAMUSCULAR, "completed", at(3), false, true))
                .medication(given("r-1", "risperidone", 25.0, Route.INTRAMUSCULAR, at(4))));

        assertThat(only("MH-R03", findings)).isEmpty();
    }

    @Test
    void rapidTranquillisationProcedure_fires() {
        List<Finding> findings =
                evaluate(stay().procedure(procedure("rt-1", "rapid-tranquillisation", "completed", at(2))));

        assertThat(sources("MH-R03", findings)).containsExactly("rt-1");
    }
}

package org.mhtrigger.engine.text.context;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mhtrigger.engine.screen.Assertion;

/**
 * The context of one mention as independent attributes (a mention can be negated and historical at once), each with
 * the reasons that gave it. Immutable, thread-safe.
 *
 * @param reasons every cue or rule that applied, in sentence order; empty for an affirmed mention
 */
public record MentionContext(List<ContextReason> reasons) {
    /** The order in which one attribute wins over another when a single assertion is wanted. */
    static final List<Assertion> PRIORITY = List.of(
            Assertion.POLICY,
            Assertion.OTHER_EXPERIENCER,
            Assertion.NEGATED,
            Assertion.HYPOTHETICAL,
            Assertion.HISTORICAL);

    public static final MentionContext AFFIRMED = new MentionContext(List.of());

    public MentionContext {
        reasons = List.copyOf(reasons);
    }

    /** Whether some cue or rule gave {@code attribute} (uncertain counts as hypothetical here). */
    public boolean is(Assertion attribute) {
        for (ContextReason reason : reasons) {
            if (reason.assertion() == attribute) {
                return true;
            }
        }
        return false;
    }

    /** Whether some cue or rule of exactly {@code category} applied (uncertain and hypothetical apart). */
    public boolean has(CueCategory category) {
        for (ContextReason reason : reasons) {
            if (reason.category() == category) {
                return true;
            }
        }
        return false;
    }

    /** Every attribute given, none for an affirmed mention. */
    public Set<Assertion> attributes() {
        Set<Assertion> set = EnumSet.noneOf(Assertion.class);
        reasons.forEach(r -> set.add(r.assertion()));
        return set;
    }

    /** The one assertion that decides whether the mention becomes a finding: the strongest attribute. */
    public Assertion assertion() {
        for (Assertion assertion : PRIORITY) {
            if (is(assertion)) {
                return assertion;
            }
        }
        return Assertion.AFFIRMED;
    }

    /** The first reason for {@link #assertion()}; {@code null} for an affirmed mention. */
    public ContextReason decidedBy() {
        Assertion assertion = assertion();
        for (ContextReason reason : reasons) {
            if (reason.assertion() == assertion) {
                return reason;
            }
        }
        return null;
    }
}

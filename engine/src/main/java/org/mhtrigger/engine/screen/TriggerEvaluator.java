package org.mhtrigger.engine.screen;

import java.util.List;
import org.mhtrigger.engine.record.StayRecord;

/** Applies the trigger criteria to a record and its text hits. Implementations say whether they are thread-safe. */
public interface TriggerEvaluator {
    /** Findings for one record; text hits that are not affirmed must not become findings. */
    List<Finding> evaluate(StayRecord record, List<TextHit> textHits);

    /** The version of the rules in force: catalogue version + content hash of the rule and threshold files. */
    String rulesetVersion();
}

package org.mhtrigger.review;

import java.util.List;
import java.util.Optional;
import org.mhtrigger.engine.screen.TriggerDefinition;

/** The trigger catalogue offered to reviewers who add a trigger the engine missed. Immutable, thread-safe. */
public final class TriggerChoices {
    private final List<TriggerDefinition> all;

    public TriggerChoices(List<TriggerDefinition> all) {
        this.all = List.copyOf(all);
    }

    public List<TriggerDefinition> all() {
        return all;
    }

    public Optional<TriggerDefinition> find(String code) {
        return all.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}

package org.mhtrigger.rules.internal;

import java.util.Objects;
import org.mhtrigger.rules.RulesConfig;

/**
 * The thresholds and windows of a {@link RulesConfig}, with one typed method per setting so that a misspelt name in
 * a DRL file is a build error. The DRL global {@code limits}. Immutable, thread-safe.
 */
public final class Limits {
    private final RulesConfig config;

    public Limits(RulesConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
    }

    public boolean isA(String ingredient, String ingredientClass) {
        return config.isA(ingredient, ingredientClass);
    }

    /** Whether the catalogue lets notes show this trigger (sources T or S+T). */
    public boolean fromText(String trigger) {
        return config.catalogue().find(trigger).map(t -> t.text()).orElse(false);
    }

    public double lithiumHigh() {
        return config.number("lithium.high");
    }

    public boolean lithiumWarning() {
        return config.enabled("lithium.warning.enabled");
    }

    public double lithiumWarningLow() {
        return config.number("lithium.warning.low");
    }

    public double neutrophilsRed() {
        return config.number("clozapine.neutrophils.red");
    }

    public double wbcRed() {
        return config.number("clozapine.wbc.red");
    }

    public boolean clozapineAmber() {
        return config.enabled("clozapine.amber.enabled");
    }

    public double neutrophilsAmber() {
        return config.number("clozapine.neutrophils.amber");
    }

    public double wbcAmber() {
        return config.number("clozapine.wbc.amber");
    }

    public double sodiumLow() {
        return config.number("sodium.low");
    }

    public double potassiumLow() {
        return config.number("potassium.low");
    }

    public double potassiumHigh() {
        return config.number("potassium.high");
    }

    public double qtcHigh() {
        return config.number("qtc.high");
    }

    public double qtcRise() {
        return config.number("qtc.rise");
    }

    public double creatinineFactor() {
        return config.number("creatinine.baseline.factor");
    }

    public double glucoseLow() {
        return config.number("glucose.low");
    }

    /** The ALT level that fires: upper limit of normal times the factor (120 U/L by default). */
    public double altHigh() {
        return config.number("alt.uln") * config.number("alt.uln.factor");
    }

    public double ckHigh() {
        return config.number("ck.high");
    }

    public double systolicLow() {
        return config.number("systolic-bp.low");
    }

    public double respiratoryRateLow() {
        return config.number("respiratory-rate.low");
    }

    public double gcsLow() {
        return config.number("gcs.low");
    }

    public double antipsychoticPercent() {
        return config.number("antipsychotic.daily.percent");
    }

    public double readmissionDays() {
        return config.number("readmission.days");
    }

    public double edAfterDischargeDays() {
        return config.number("ed-after-discharge.days");
    }

    public double carePlanHours() {
        return config.number("care-plan.days") * 24;
    }

    public double riskAssessmentHours() {
        return config.number("risk-assessment.hours");
    }

    public double epsOrderAfterHours() {
        return config.number("eps-order.after-hours");
    }

    public double haiHours() {
        return config.number("hai.hours");
    }

    public double deathDays() {
        return config.number("death.days");
    }

    public double reviewWindowDays() {
        return config.number("review-window.days");
    }
}

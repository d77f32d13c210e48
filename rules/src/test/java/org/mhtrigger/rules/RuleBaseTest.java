package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.rules.internal.RuleBase;

/** Startup failures of the rule base are loud, never a silent null session. */
class RuleBaseTest {

    @Test
    void drlThatDoesNotCompile_isAConfigurationErrorNamingTheFile() {
        assertThatThrownBy(() -> RuleBase.compile(List.of("broken-for-test.drl")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("rule base does not compile")
                .hasMessageContaining("broken-for-test.drl")
                .hasMessageContaining("noSuchField");
    }

    @Test
    void missingDrlFile_isAConfigurationError() {
        assertThatThrownBy(() -> RuleBase.compile(List.of("absent.drl")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("org/mhtrigger/rules/absent.drl: not found on the classpath");
    }

    @Test
    void shippedRules_compileAndOpenSessions() {
        assertThat(RuleBase.compile(RuleBase.DRL_FILES)
                        .getKiePackage("org.mhtrigger.rules")
                        .getRules())
                .hasSizeGreaterThan(40);
    }
}

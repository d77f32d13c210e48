package org.mhtrigger.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.Role;

class SingleSignOnAccountsTest {
    @Test
    void rolesFromAJsonArray_keepOnlyReviewRoles() {
        assertThat(SingleSignOnAccounts.roles(List.of("physician", "offline_access", "uma_authorization")))
                .containsExactly(Role.PHYSICIAN);
    }

    @Test
    void rolesFromAStringOfNames_areSplitOnSpacesAndCommas() {
        assertThat(SingleSignOnAccounts.roles("safety-lead, reviewer"))
                .containsExactlyInAnyOrder(Role.SAFETY_LEAD, Role.REVIEWER);
    }

    @Test
    void missingOrOddClaim_givesNoRole() {
        assertThat(SingleSignOnAccounts.roles(null)).isEmpty();
        assertThat(SingleSignOnAccounts.roles(42)).isEmpty();
        assertThat(SingleSignOnAccounts.roles(List.of("Admin-ish"))).isEmpty();
    }

    @Test
    void dottedClaimName_walksIntoNestedObjects() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("admin")));

        assertThat(SingleSignOnAccounts.roles(SingleSignOnAccounts.claim(claims, "realm_access.roles")))
                .containsExactly(Role.ADMIN);
        assertThat(SingleSignOnAccounts.claim(claims, "realm_access.groups")).isNull();
    }
}

/**
 * Test support shared by the modules' tests; a test-scoped dependency, never part of the product.
 *
 * <p>Some tests need something the build cannot bring: a PostgreSQL server, Debian's Chromium, or the public
 * evaluation kit beside the checkout. Each such test belongs to a {@link org.mhtrigger.testkit.TestGroup}, marked
 * with {@link org.mhtrigger.testkit.PostgresTest}, {@link org.mhtrigger.testkit.BrowserTest} or {@link
 * org.mhtrigger.testkit.ExternalDataTest}, and asks {@link org.mhtrigger.testkit.TestGroup#requireOrSkip} before it
 * starts: on a developer's machine a missing tool skips the test with the reason; where the group is required (CI
 * sets {@code MHTRIGGER_TEST_REQUIRE}) it fails. {@link org.mhtrigger.testkit.TestGroupsListener} writes what each
 * group did to {@code target/test-groups.tsv}, which {@code ./mhtrigger test} sums up.
 */
package org.mhtrigger.testkit;

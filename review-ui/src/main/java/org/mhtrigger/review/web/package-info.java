/**
 * The pages: sign-in, queues, the record view with highlighted evidence, events, signatures, the audit trail,
 * periods and users. Note text is only ever written through Thymeleaf's escaping {@code th:text}; highlighting is
 * built by {@link org.mhtrigger.review.web.Highlighter} as plain-text segments, never as HTML.
 */
package org.mhtrigger.review.web;

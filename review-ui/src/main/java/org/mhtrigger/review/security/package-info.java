/**
 * Sign-in and the HTTP protections: form login against hashed passwords, roles, login throttling per user name and
 * address, CSRF, session timeout and security headers (a Content-Security-Policy that allows no inline script).
 * Start at {@link org.mhtrigger.review.security.SecurityConfig}.
 */
package org.mhtrigger.review.security;

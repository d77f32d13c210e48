/**
 * Sign-in and the HTTP protections: form login against hashed passwords, roles, login throttling per user name and
 * address, CSRF, session timeout and security headers (a Content-Security-Policy that allows no inline script);
 * sessions kept in step with their account ({@link org.mhtrigger.review.security.AccountSessionFilter}: a disabled
 * or changed account's sessions end, a one-time password reaches only the change form) and multipart bodies refused
 * before they are read unless a safety lead sends them. Start at {@link
 * org.mhtrigger.review.security.SecurityConfig}.
 */
package org.mhtrigger.review.security;

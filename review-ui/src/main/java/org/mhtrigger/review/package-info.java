/**
 * The review web application: review periods and samples, the record view with highlighted evidence, two-stage review
 * with physician sign-off, the append-only audit trail, dashboards and exports. Not built yet: this module reserves
 * its place in the build.
 */
package org.mhtrigger.review;

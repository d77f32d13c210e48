/**
 * Parallel work whose results must come out in input order: {@link org.mhtrigger.engine.parallel.OrderedParallel}
 * runs a function over a sequence of inputs on a pool of threads, keeps a bounded number in flight, and hands the
 * results back on the submitting thread in the order the inputs were given, so that output does not depend on the
 * thread count. The one helper for this: screening records and reading FHIR input in parallel both use it. {@link
 * org.mhtrigger.engine.parallel.Futures#await} waits for one piece of such work and hands back what it threw.
 */
package org.mhtrigger.engine.parallel;

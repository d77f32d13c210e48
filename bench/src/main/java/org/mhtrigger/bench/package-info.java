/**
 * The benchmarks, kept out of the shipped {@code app} jar: {@code bench} (the whole {@code screen} process against HAPI
 * FHIR's parser alone on the same export), {@code bench-phases} (the pipeline's phases inside one warm JVM, with a
 * Lucene indexing baseline) and {@code bench-ui} (the review UI under load). Start with {@link
 * org.mhtrigger.bench.BenchMain}; {@link org.mhtrigger.bench.HapiParse} is the parse-only program {@code bench} runs.
 */
package org.mhtrigger.bench;

/**
 * Getting records into the review database: FHIR input screened by the pipeline {@code mhtrigger screen} runs, with
 * the same options, edited rules and mapping tables and failure policy ({@link
 * org.mhtrigger.review.importing.ImportPipeline}, the UI's side of {@link org.mhtrigger.screening.ScreeningPipeline},
 * also used by the {@code demo} and {@code serve} commands), and the safety lead's import jobs from the web page — uploaded files (hundreds at once, or
 * a zip unpacked safely by {@link org.mhtrigger.review.importing.ZipArchives}) or a pull from the configured FHIR
 * server — run one at a time in the background with their progress ({@link
 * org.mhtrigger.review.importing.ImportJobs}). Start at {@link org.mhtrigger.review.importing.ImportJobs}.
 */
package org.mhtrigger.review.importing;

/**
 * Reports of the harm measures for boards and regulators (docs/spec/method.md §5): CSV, JSON and the PDF board report.
 *
 * <p>Start with {@link org.mhtrigger.review.report.MeasureTables} (CSV and JSON) and {@link
 * org.mhtrigger.review.report.BoardReportPdf}; both take the periods {@link
 * org.mhtrigger.review.store.MeasureQueries} reads. The PDF draws each measure's control chart with JFreeChart
 * ({@code SpcChart}) as vector graphics into PDFBox, and the "Making Data Count" icons with PDFBox ({@code SpcIcons}).
 */
package org.mhtrigger.review.report;

/**
 * The one reader of the product's editable CSV tables: the rule configuration of {@code rules} (catalogue, thresholds,
 * lexicon, cues, sections, clinical abbreviations, ...) and the code mapping tables of {@code fhir-adapter} (analytes,
 * units, dosage words, ...), so that they all follow the same rules and every error names the file and the line.
 *
 * <p>Start with {@link org.mhtrigger.tables.CsvTable}: {@link org.mhtrigger.tables.CsvTable#parse parse} reads a
 * table's text, {@link org.mhtrigger.tables.CsvTable#read read} reads a file from an override folder or else the
 * shipped classpath resource. Lines starting with {@code #} and blank lines are skipped, values are trimmed, and a
 * header is either exact or must hold the named columns. A table that cannot be read is a
 * {@link org.mhtrigger.tables.CsvTableException}, which callers turn into their own exception.
 *
 * <p>This module depends on Apache Commons CSV only. The {@code engine} module must not depend on it (its build bans
 * it): engine receives what the tables say as values, never files.
 */
package org.mhtrigger.tables;

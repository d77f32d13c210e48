/**
 * The core of mhtrigger: domain records, screening, evaluation against gold labels.
 *
 * <p>Start with {@link org.mhtrigger.engine.record.StayRecord} (one inpatient stay and everything attached to it) and
 * {@link org.mhtrigger.engine.screen.Screener} (a stay in, findings out). This module depends on Lucene, OpenNLP,
 * Commons CSV (the editable tables) and SLF4J only; FHIR, Drools and Spring live in the modules around it.
 */
package org.mhtrigger.engine;

/**
 * The core of mhtrigger: domain records, screening, evaluation against gold labels.
 *
 * <p>Start with {@link org.mhtrigger.engine.record.StayRecord} (one inpatient stay and everything attached to it) and
 * {@link org.mhtrigger.engine.screen.Screener} (a stay in, findings out). This module depends on Lucene, OpenNLP and
 * SLF4J only; FHIR, Drools, Spring and the reading of the editable tables live in the modules around it, which pass
 * what the tables say in as values.
 */
package org.mhtrigger.engine;

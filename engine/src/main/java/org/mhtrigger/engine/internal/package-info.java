/**
 * Helpers the other modules share but that are not the engine's API: {@link org.mhtrigger.engine.internal.CsvTable}
 * reads the editable CSV tables (rule configuration, code mappings) with file and line in every
 * error.
 */
package org.mhtrigger.engine.internal;

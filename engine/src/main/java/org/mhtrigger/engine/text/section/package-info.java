/**
 * Note sections whose header says how to read what is under them ("Past psychiatric history:", "Family history:").
 * Start at {@link org.mhtrigger.engine.text.section.NoteSections}; the headers are {@link
 * org.mhtrigger.engine.text.section.SectionRule}s loaded from {@code sections.csv}.
 */
package org.mhtrigger.engine.text.section;

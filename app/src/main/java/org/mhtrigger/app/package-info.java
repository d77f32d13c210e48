/**
 * The {@code mhtrigger} command: the composition root that wires the FHIR adapter, the text matcher and the rules
 * into commands ({@code screen}, {@code evaluate}, …). Start with {@link org.mhtrigger.app.Main}.
 */
package org.mhtrigger.app;

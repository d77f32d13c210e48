/**
 * The one screening pipeline: FHIR input read into records, each record screened by the text matcher and the rules,
 * under one failure policy. The {@code mhtrigger} commands ({@code screen}, {@code evaluate}, {@code sample}) and the
 * review UI's import all run it, so the same input and the same edited rules and mapping tables give the same
 * findings and the same rejections wherever they are screened.
 *
 * <p>Start with {@link org.mhtrigger.screening.ScreeningPipeline}, built from a
 * {@link org.mhtrigger.screening.ScreeningOptions}. Depends on engine, rules and fhir-adapter; the commands and the
 * review UI depend on it.
 */
package org.mhtrigger.screening;

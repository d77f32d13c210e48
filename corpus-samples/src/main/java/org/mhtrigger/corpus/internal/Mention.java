package org.mhtrigger.corpus.internal;

import org.mhtrigger.engine.screen.Assertion;

/** A trigger phrase the generator placed in a note: {@code [start, end)} into the decoded note text. Immutable. */
public record Mention(String note, int start, int end, String trigger, Assertion assertion, String phrase) {}

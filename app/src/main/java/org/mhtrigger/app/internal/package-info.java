/** Wiring and output formats behind the commands; not API. */
package org.mhtrigger.app.internal;

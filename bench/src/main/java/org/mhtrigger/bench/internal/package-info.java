/** What the benchmark commands measure with: child processes, in-process phases, the UI's load data and driver. */
package org.mhtrigger.bench.internal;

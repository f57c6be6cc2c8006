package org.casetimeline.core.timeline;

/**
 * A dispute once raised against a fact (or a version it replaced) and withdrawn since: it no longer marks the fact
 * disputed, but a reader weighing the fact should know it was contested and by whom, and why that ended.
 */
public record WithdrawnDispute(Recording dispute, Recording withdrawal) {
}

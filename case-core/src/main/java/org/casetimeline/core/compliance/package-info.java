/**
 * The compliance engine: the checks of rules.md as pure functions of (timeline, as-of instant, thresholds)
 * returning {@link org.casetimeline.core.compliance.Finding}s; {@link org.casetimeline.core.compliance.ComplianceRules}
 * lists them in order.
 *
 * <p>Dates are read on their bounds: a date given to the day is read as that day, a month or a year as any
 * of its days, an instant as itself. A duration is at least (end's earliest reading - start's latest) and at
 * most (end's latest - start's earliest); an open interval ends at the as-of instant. Above the threshold on
 * the shortest reading is a FLAG, on the longest only a POSSIBLE.
 */
package org.casetimeline.core.compliance;

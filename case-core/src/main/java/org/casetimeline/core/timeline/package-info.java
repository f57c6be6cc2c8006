/** A case's events folded into occurrence order, with retractions, corrections and disputes applied. */
package org.casetimeline.core.timeline;

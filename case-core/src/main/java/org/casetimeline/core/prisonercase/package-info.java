/** The prisoner's case aggregate: the consistency boundary for recording facts about one person. */
package org.casetimeline.core.prisonercase;

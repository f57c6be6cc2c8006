/** The registry of places of detention, an aggregate of its own outside any prisoner's stream. */
package org.casetimeline.core.facility;

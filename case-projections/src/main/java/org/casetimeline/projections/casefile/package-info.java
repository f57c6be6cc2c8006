/** A case's file: its events read from the store and folded into a timeline with the facilities it names. */
package org.casetimeline.projections.casefile;

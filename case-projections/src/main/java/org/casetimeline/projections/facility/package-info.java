/** The facility registry read model. */
package org.casetimeline.projections.facility;
